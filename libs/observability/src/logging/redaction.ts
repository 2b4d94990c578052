export const REDACTED = '[REDACTED]';

/**
 * Key fragments whose values never reach a log. Matched as substrings of the key with case,
 * dashes, dots and underscores ignored, so `newPassword`, `x-api-key`, `client_secret` and
 * `refresh_token` are caught without listing every spelling; a redacted harmless field costs
 * less than a leaked credential.
 */
const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'secret',
  'token',
  'authorization',
  'cookie',
  'apikey',
] as const;

/** A JWT is three base64url parts; `eyJ` is `{"` encoded, which every JWT header starts with. */
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
/** `scheme://user:password@host`: connection strings end up in error messages. */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi;

const MAX_DEPTH = 12;

export function isSecretKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[-_.\s]/g, '');
  return SECRET_KEY_PARTS.some((part) => normalised.includes(part));
}

export function redactText(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(BEARER, `$1 ${REDACTED}`)
    .replace(URL_PASSWORD, `$1${REDACTED}@`);
}

/**
 * Returns a redacted copy and never mutates its input: callers log live objects (request
 * headers, DTOs) that must keep their secrets after the log line is written.
 */
export function redact(value: unknown): unknown {
  return redactAt(value, 0, new WeakSet<object>());
}

function redactAt(value: unknown, depth: number, ancestors: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value;
  if (ancestors.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactAt(item, depth + 1, ancestors));
    const source =
      value instanceof Error ? errorFields(value) : hasToJson(value) ? value.toJSON() : value;
    if (source === null || typeof source !== 'object') return redactAt(source, depth, ancestors);
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(source)) {
      copy[key] = isSecretKey(key) ? REDACTED : redactAt(item, depth + 1, ancestors);
    }
    return copy;
  } finally {
    ancestors.delete(value);
  }
}

/** An Error's message and stack are not enumerable; without this a nested error logs as `{}`. */
function errorFields(error: Error): Record<string, unknown> {
  return { ...error, type: error.name, message: error.message, stack_trace: error.stack };
}

function hasToJson(value: object): value is { toJSON(): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
