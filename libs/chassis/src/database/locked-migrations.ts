import { DataSource, type DataSourceOptions, MigrationExecutor } from 'typeorm';

/**
 * The advisory lock migrations run under. Advisory locks are per database, and each service
 * has its own, so one fixed name serves every service.
 */
const MIGRATION_LOCK_SQL = `hashtextextended('blog.migrations', 0)`;

/**
 * Runs the pending migrations under a Postgres advisory lock held for the whole run, on the
 * connection that runs them, and returns the names it applied.
 *
 * Why: TypeORM's migrationsRun reads which migrations are applied, then applies the rest,
 * with nothing in between to stop a second process doing the same. Instances that start at
 * once (a rollout's surge, the autoscaler, `stack.sh up --instances 2`) both see a migration
 * as pending; one fails on "relation already exists" and its pod restarts, or, for a
 * migration that only changes data, both apply it. With the lock the second waits, then finds
 * nothing pending. A session-level lock is released by Postgres if the process dies holding it.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<readonly string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK_SQL})`);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      return (await executor.executePendingMigrations()).map((migration) => migration.name);
    } finally {
      // A connection that broke mid-run has already lost the lock with its session.
      await runner.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_SQL})`).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

/**
 * A data source for @nestjs/typeorm's dataSourceFactory: connected, then migrated under the
 * lock, so a service never serves on a schema older than its code. A failed migration closes
 * the pool it opened before the module's retry opens another.
 */
export async function migratedDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  try {
    await runMigrationsLocked(dataSource);
    return dataSource;
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}
