import type { FastifyRequest } from 'fastify';
import { EdgeError } from '../edge/edge-error';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Keeps the body as the client's bytes, so the upstream receives exactly what was sent,
 * and refuses malformed JSON here rather than spending an upstream call on it. Fastify
 * enforces the body limit (413) before this runs.
 */
export function parseRawBody(
  request: FastifyRequest,
  body: Buffer,
  done: (error: Error | null, body?: Buffer) => void,
): void {
  if (body.length === 0) return done(null, undefined);
  if (JSON_TYPE.test(request.headers['content-type'] ?? '') && !isJson(body)) {
    return done(new EdgeError(400, 'MALFORMED_REQUEST', 'The request body is not valid JSON'));
  }
  done(null, body);
}

function isJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
