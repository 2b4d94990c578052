import type { ServiceName } from '@blog/chassis';
import { Client } from 'pg';
import { STACK } from './stack-endpoints';

/** One short-lived connection to a service's own database, for a spec's own queries. */
export async function inDatabase<T>(
  service: ServiceName,
  work: (db: Client) => Promise<T>,
): Promise<T> {
  const db = new Client({ connectionString: STACK.serviceDatabaseUrl(service) });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** The rows one query returns from a service's own database. */
export async function rowsOf<Row extends Record<string, unknown>>(
  service: ServiceName,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  return inDatabase(service, async (db) => (await db.query<Row>(sql, [...params])).rows);
}
