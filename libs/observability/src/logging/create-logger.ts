import { ecsFields, ecsStringify } from '@elastic/ecs-winston-format';
import { createLogger as createWinstonLogger, format, type Logger, transports } from 'winston';
import { ecsContextFormat } from './ecs-context.format';
import { redactionFormat } from './redaction.format';

/** winston's npm levels, most severe first; `LOG_LEVEL` must be one of them. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export interface LoggerOptions {
  readonly level?: LogLevelName;
  /** Where JSON lines go; stdout unless a test captures them. */
  readonly stream?: NodeJS.WritableStream;
}

export type { Logger };

/**
 * One ECS JSON object per line on stdout: docker compose ships stdout to Elasticsearch, so the
 * process never manages files or connections for its logs.
 */
export function createLogger(service: string, version: string, options: LoggerOptions = {}) {
  return createWinstonLogger({
    level: options.level ?? 'info',
    format: format.combine(
      // No service name here: ecs-winston-format would then set `event.dataset` itself.
      ecsFields({ convertErr: true, convertReqRes: false, apmIntegration: false }),
      ecsContextFormat({ service, version }),
      redactionFormat(),
      ecsStringify(),
    ),
    transports: [new transports.Stream({ stream: options.stream ?? process.stdout })],
  });
}
