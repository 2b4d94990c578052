import { isUtf8 } from 'node:buffer';
import secureJson from 'secure-json-parse';
import { AppError } from '../errors/app-error';

/**
 * Bounds on a body's structure, checked on its text before it is parsed, so nothing later
 * (JSON.parse, a walk over the value, validation, logging) does work that grows with a
 * shape no client needs. No request of this API nests past a few levels or lists more
 * than a handful of values; a post's text is one long string, which these do not count.
 */
export const JSON_BODY_LIMITS = {
  /** Objects and arrays open at once. */
  maxDepth: 32,
  /** Values in the whole body: every member and element, at any depth. */
  maxValues: 10_000,
} as const;

/** What to register a Fastify body parser for; `readJsonBody` then checks the parameters. */
export const JSON_CONTENT_TYPE = /^application\/(?:[\w.-]+\+)?json\b/i;

/** `application/json` or any `+json` type, with no parameter but a UTF-8 charset. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/i;
const UTF8_CHARSET = /^charset\s*=\s*"?utf-8"?$/i;

function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [essence = '', ...parameters] = header.split(';').map((part) => part.trim());
  return (
    JSON_MEDIA_TYPE.test(essence) &&
    parameters.every((parameter) => parameter === '' || UTF8_CHARSET.test(parameter))
  );
}

const malformed = (message: string, details?: Record<string, unknown>) =>
  new AppError('invalid', 'MALFORMED_REQUEST', message, details);

/**
 * Refuses a body nested deeper or holding more values than `JSON_BODY_LIMITS`, in one pass
 * over its text that keeps no stack: brackets inside strings do not count.
 */
export function assertJsonShape(text: string, limits = JSON_BODY_LIMITS): void {
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c /* \ */) i += 1;
      else if (char === 0x22 /* " */) inString = false;
      continue;
    }
    if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      depth += 1;
      values += 1;
      if (depth > limits.maxDepth) {
        throw malformed(`The request body nests deeper than ${limits.maxDepth} levels`, {
          maxDepth: limits.maxDepth,
        });
      }
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth -= 1;
    } else if (char === 0x2c /* , */) {
      values += 1;
    }
    if (values > limits.maxValues) {
      throw malformed(`The request body holds more than ${limits.maxValues} values`, {
        maxValues: limits.maxValues,
      });
    }
  }
}

/**
 * The one way a body becomes a value, at the gateway and in every service: UTF-8 (a lossy
 * decode would store U+FFFD in place of what the client sent), bounded in shape, then
 * JSON, refusing `__proto__` and `constructor.prototype` keys as Fastify's own parser does.
 * An empty body is no body: many clients send a JSON content type on a bodyless POST.
 * Every refusal is a 400 `MALFORMED_REQUEST` saying which rule the body broke.
 */
export function decodeJsonBody(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  if (!isUtf8(bytes)) throw malformed('The request body is not valid UTF-8');
  const text = bytes.toString('utf8');
  assertJsonShape(text);
  try {
    return secureJson.parse(text) as unknown;
  } catch (error) {
    // JSON.parse's own message quotes the body, which may hold a password: never echo it.
    throw String(error).includes('forbidden prototype property')
      ? malformed('The request body has a forbidden key (__proto__ or constructor.prototype)')
      : malformed('The request body is not valid JSON');
  }
}

export const JSON_ONLY_MESSAGE = 'Request bodies are JSON (application/json, UTF-8)';

/** A request's body by its Content-Type header: UTF-8 JSON, else 415, then `decodeJsonBody`. */
export function readJsonBody(contentType: string | undefined, bytes: Buffer): unknown {
  if (!isJsonContentType(contentType)) {
    throw new AppError('unsupported-media-type', 'UNSUPPORTED_MEDIA_TYPE', JSON_ONLY_MESSAGE);
  }
  return decodeJsonBody(bytes);
}
