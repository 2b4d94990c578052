import {
  createLogger,
  type Logger,
  metrics,
  NestLoggerAdapter,
  registerAccessLog,
  registerHttpMetrics,
  shutdownTracing,
} from '@blog/observability';
import { type INestApplicationContext, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChassisModule, type ChassisOptions } from '../chassis.module';
import {
  InvalidConfigError,
  loadServiceConfig,
  type ServiceConfig,
} from '../config/service-config';
import type { ServiceName } from '../config/service-names';
import { ErrorBodyFilter } from '../errors/error-body.filter';
import { frameworkErrorOptions, registerHostRequired } from '../http/framework-errors';
import { registerJsonBody } from '../http/json-body.parser';
import { registerRequestId } from '../http/request-id';
import { ConsumerHost } from '../messaging/consumer-host';
import { InboxTransport, type InboxTransportOptions } from '../messaging/inbox-transport';

export interface ServiceDefinition extends ChassisOptions {
  service: ServiceName;
  module: Type<unknown>;
  /** The largest request body this service takes; `BODY_LIMIT_BYTES` overrides it. */
  bodyLimitBytes?: number;
  /** How the app's `@InboxConsumer`s run, when not as declared (see InboxTransportOptions). */
  inbox?: (app: INestApplicationContext) => InboxTransportOptions;
}

const DEFAULT_BODY_LIMIT_BYTES = 65_536;

export interface ServiceApp {
  app: NestFastifyApplication;
  config: ServiceConfig;
  logger: Logger;
  /** The app's consumers, a connected microservice: `app.startAllMicroservices()` runs them. */
  inbox: InboxTransport;
}

/** Builds (but does not start) a service; tests use this with their own environment. */
export async function createServiceApp(
  definition: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServiceApp> {
  const config = loadServiceConfig(definition.service, env);

  @Module({ imports: [ChassisModule.forService(config, definition), definition.module] })
  class ServiceRootModule {}

  const logger = createLogger(config.SERVICE_NAME, config.SERVICE_VERSION, {
    level: config.LOG_LEVEL,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    ServiceRootModule,
    new FastifyAdapter({
      bodyLimit: config.BODY_LIMIT_BYTES ?? definition.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
      ...frameworkErrorOptions,
    }),
    // The chassis registers the only body parser (JSON); Nest's would add a form parser.
    { bufferLogs: true, abortOnError: false, bodyParser: false },
  );
  app.useLogger(new NestLoggerAdapter(logger));
  const fastify = app.getHttpAdapter().getInstance();
  registerRequestId(fastify);
  registerHostRequired(fastify);
  registerAccessLog(fastify, logger);
  registerHttpMetrics(fastify, metrics);
  registerJsonBody(fastify, config.SERVICE_NAME);
  app.useGlobalFilters(new ErrorBodyFilter(logger));
  // A hybrid app: HTTP, and every @InboxConsumer as a handler of the inbox transport.
  const inbox = new InboxTransport(app.get(ConsumerHost), definition.inbox?.(app));
  app.connectMicroservice({ strategy: inbox });
  app.enableShutdownHooks();
  return { app, config, logger, inbox };
}

/** Process entry point of every app: start, listen, or exit non-zero with the reason. */
export async function runService(definition: ServiceDefinition): Promise<void> {
  try {
    const { app, config, logger } = await createServiceApp(definition);
    await app.startAllMicroservices();
    await app.listen({ port: config.PORT, host: config.HOST });
    logger.info('service ready', { 'server.port': config.PORT });
    // Batched spans would be lost on exit otherwise.
    process.once('beforeExit', () => void shutdownTracing());
  } catch (error) {
    const reason = error instanceof InvalidConfigError ? error.message : String(error);
    process.stderr.write(`${definition.service} failed to start: ${reason}\n`);
    process.exit(1);
  }
}
