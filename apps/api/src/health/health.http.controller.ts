import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type DependencyCheck, type DependencyStatus, runCheck } from './dependency-check';

export const DEPENDENCY_CHECKS = Symbol('DEPENDENCY_CHECKS');

class DependencyStatusDto implements DependencyStatus {
  @ApiProperty({ enum: ['up', 'down'] })
  status!: 'up' | 'down';

  @ApiProperty()
  latencyMs!: number;

  @ApiProperty({ required: false })
  error?: string;
}

class DependenciesDto {
  @ApiProperty({ type: DependencyStatusDto })
  postgres!: DependencyStatusDto;

  @ApiProperty({ type: DependencyStatusDto })
  kafka!: DependencyStatusDto;

  @ApiProperty({ type: DependencyStatusDto })
  temporal!: DependencyStatusDto;
}

export class HealthReport {
  @ApiProperty({ enum: ['ok', 'degraded'] })
  status!: 'ok' | 'degraded';

  @ApiProperty({ type: DependenciesDto })
  dependencies!: DependenciesDto;
}

@ApiTags('operations')
@Controller('health')
export class HealthHttpController {
  constructor(@Inject(DEPENDENCY_CHECKS) private readonly checks: DependencyCheck[]) {}

  @Get()
  @ApiOperation({ summary: 'Whether PostgreSQL, Kafka and Temporal answer', description: 'Each check gives up after about 2 seconds.' })
  @ApiOkResponse({ type: HealthReport, description: 'All dependencies are up.' })
  @ApiServiceUnavailableResponse({ type: HealthReport, description: 'At least one dependency is down.' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const results = await Promise.all(this.checks.map(async (check) => [check.name, await runCheck(check)] as const));
    const dependencies = Object.fromEntries(results) as unknown as DependenciesDto;
    const allUp = results.every(([, result]) => result.status === 'up');
    void reply.status(allUp ? 200 : 503);
    return { status: allUp ? 'ok' : 'degraded', dependencies };
  }
}
