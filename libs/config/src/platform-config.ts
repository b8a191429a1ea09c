import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';
import { REFERRAL_LIFECYCLE_TASK_QUEUE } from '@app/workflow-contracts';
import { AuthConfig } from './auth-config';

/**
 * Settings every process reads from its environment, validated at start-up: a missing or
 * malformed setting stops the process with the name of the setting, never later at first use.
 */
export class PlatformConfig extends AuthConfig {
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsString()
  @IsNotEmpty()
  KAFKA_BROKERS!: string;

  @IsString()
  @IsNotEmpty()
  TEMPORAL_ADDRESS!: string;

  @IsString()
  TEMPORAL_NAMESPACE = 'default';

  @IsString()
  TEMPORAL_TASK_QUEUE = REFERRAL_LIFECYCLE_TASK_QUEUE;

  @IsString()
  @Matches(/^[a-zA-Z0-9._-]+$/)
  KAFKA_REFERRAL_TOPIC = 'mash.referral-events.v1';

  // Explicit: transpile-only builds do not emit the design type of an inferred property.
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT: number = 3000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsString()
  SERVICE_NAME?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

function load<T extends object>(type: new () => T, env: NodeJS.ProcessEnv): T {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(type, defined, { enableImplicitConversion: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigError(errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`)));
  }
  return config;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  return load(PlatformConfig, env);
}

/** Only the token settings, for tools that mint or check tokens without the rest of the platform. */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return load(AuthConfig, env);
}
