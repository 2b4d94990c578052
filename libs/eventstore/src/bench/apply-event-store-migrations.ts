import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '../migrations/event-store-migrations';

/**
 * Runs the event store's migrations against one database, the way a service's TypeORM
 * data source would. The benchmark's own setup; services list
 * `eventStoreMigrations` with their own.
 */
export async function applyEventStoreMigrations(url: string): Promise<void> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations: [...eventStoreMigrations],
    migrationsTransactionMode: 'each',
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
