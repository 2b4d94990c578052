import { LOG_LEVELS } from '@blog/observability';
import { z } from 'zod';
import { localDatabaseUrl, SERVICE_PORTS, type ServiceName } from './service-names';

/** Start-up configuration every service shares; safe defaults point at the local stack. */
export function serviceConfigSchema(service: ServiceName) {
  return z.object({
    SERVICE_NAME: z.literal(service).default(service),
    SERVICE_VERSION: z.string().default(process.env['npm_package_version'] ?? '0.0.0'),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(1).max(65_535).default(SERVICE_PORTS[service]),
    DATABASE_URL: z
      .string()
      .regex(
        /^postgres(ql)?:\/\/.+\/[^/]+$/,
        'must be postgres://user[:password]@host:port/database',
      )
      .default(localDatabaseUrl(service)),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    KAFKA_BROKERS: z
      .string()
      .min(1)
      .default('127.0.0.1:9092')
      .transform((list) => list.split(',').map((broker) => broker.trim()))
      .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'each broker must be host:port')).min(1)),
    AUTH_JWKS_URL: z.url().default('http://127.0.0.1:3001/.well-known/jwks.json'),
    AUTH_ISSUER: z.string().min(1).default('blog-auth'),
    AUTH_AUDIENCE: z.string().min(1).default('blog-api'),
    /** How long outbox rows stay for saga replay after Debezium has read them. */
    OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    /** Unset: the service's own default (`ServiceDefinition.bodyLimitBytes`), else 64 KiB. */
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_485_760).optional(),
    /** Kafka Connect's REST API, asked for this service's connector state by /health/ready. */
    CONNECT_URL: z.url().default('http://127.0.0.1:8083'),
    /** Names as infra/connectors/outbox-connector.template.json and register.sh give them. */
    CDC_CONNECTOR: z.string().min(1).default(`outbox-${service}`),
    CDC_SLOT: z.string().min(1).default(`outbox_${service}`),
    /**
     * WAL the slot has not confirmed yet. Heartbeats keep it at a few KB while Debezium
     * keeps up; the databases invalidate a slot past 1 GB (max_slot_wal_keep_size).
     */
    CDC_MAX_SLOT_LAG_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .default(128 * 1024 * 1024),
    /** Records a consumer group may be behind before readiness reports it. */
    CONSUMER_MAX_LAG: z.coerce.number().int().min(0).default(1_000),
  });
}

export type ServiceConfig = z.output<ReturnType<typeof serviceConfigSchema>>;

export class InvalidConfigError extends Error {
  constructor(service: string, issues: readonly string[]) {
    super(`Invalid configuration for service "${service}":\n  - ${issues.join('\n  - ')}`);
    this.name = 'InvalidConfigError';
  }
}

/** Parses the environment once at start-up; every bad key is named in one error. */
export function loadServiceConfig(
  service: ServiceName,
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  const parsed = serviceConfigSchema(service).safeParse(env);
  if (parsed.success) return parsed.data;
  throw new InvalidConfigError(
    service,
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}
