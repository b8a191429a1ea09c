import type { Pool } from '@app/database';
import type { DependencyCheck } from './dependency-check';

export class PostgresCheck implements DependencyCheck {
  readonly name = 'postgres';
  constructor(private readonly pool: Pool) {}

  async probe(): Promise<void> {
    await this.pool.query('SELECT 1');
  }
}
