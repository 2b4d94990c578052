/**
 * The seven apps and their local ports. The stack script, docker-compose.yml and the
 * gateway's upstream table all follow this list; change them together.
 */
export const SERVICE_PORTS = {
  gateway: 3000,
  auth: 3001,
  user: 3002,
  blog: 3003,
  post: 3004,
  visitor: 3005,
  subscribe: 3006,
} as const;

export type ServiceName = keyof typeof SERVICE_PORTS;

export const SERVICE_NAMES = Object.keys(SERVICE_PORTS) as ServiceName[];

/** Services that own an outbox and therefore a Debezium connector (the gateway only reads). */
export const OUTBOX_SERVICES: readonly ServiceName[] = SERVICE_NAMES.filter((s) => s !== 'gateway');

/** Local-stack database of a service: one database per service, never shared. */
export function localDatabaseUrl(service: ServiceName): string {
  return `postgres://blog@127.0.0.1:54329/blog_${service}`;
}
