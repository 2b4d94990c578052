import { localDatabaseUrl, type ServiceName } from '@blog/chassis';

/** Where the local stack (scripts/stack.sh) listens; tests never start infrastructure themselves. */
export const STACK = {
  postgresAdminUrl: process.env['STACK_POSTGRES_URL'] ?? 'postgres://blog@127.0.0.1:54329/postgres',
  kafkaBrokers: ['127.0.0.1:9092'],
  connectUrl: 'http://127.0.0.1:8083',
  serviceDatabaseUrl: (service: ServiceName) => localDatabaseUrl(service),
  serviceUrl: (port: number) => `http://127.0.0.1:${port}`,
} as const;

/** A name no other spec or run will pick: specs share one stack, not their data. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
