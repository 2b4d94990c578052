import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Logger } from 'winston';
import { redact } from './redaction';

type WinstonLevel = 'error' | 'warn' | 'info' | 'debug' | 'verbose';

const LEVELS: Readonly<Record<LogLevel, WinstonLevel>> = {
  fatal: 'error',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'verbose',
};

const looksLikeStack = (text: string) => /\n\s+at /.test(text);

/**
 * Routes Nest's own messages (bootstrap, route mapping, exceptions) into the service logger,
 * so every line on stdout is ECS JSON. Nest passes the logger's context name as the last
 * string argument and, for errors, a stack before it.
 */
export class NestLoggerAdapter implements LoggerService {
  private enabled: ReadonlySet<LogLevel> | null = null;

  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.enabled = new Set(levels);
  }

  private write(level: LogLevel, message: unknown, params: readonly unknown[]): void {
    if (this.enabled && !this.enabled.has(level)) return;
    const strings = params.filter((param): param is string => typeof param === 'string');
    const stack = strings.find(looksLikeStack);
    const context = params.at(-1);
    const meta: Record<string, unknown> = {};
    if (typeof context === 'string' && context !== stack) meta['log.logger'] = context;
    if (message instanceof Error) meta['err'] = message;
    else if (stack) meta['error.stack_trace'] = stack;
    if (level === 'fatal') meta['labels.fatal'] = true;
    this.logger.log(LEVELS[level], textOf(message), meta);
  }
}

function textOf(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.message;
  // Redact before serialising: once a string, key names can no longer be recognised.
  return JSON.stringify(redact(message)) ?? String(message);
}
