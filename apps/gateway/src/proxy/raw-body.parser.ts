import { readJsonBody } from '@blog/chassis';
import type { FastifyRequest } from 'fastify';

/**
 * Keeps the body as the client's bytes, so the upstream receives exactly what was sent,
 * and refuses here, by the services' own rules, a body they would refuse: no upstream call
 * is spent on it, and no upstream is handed a shape it could choke on. Registered for JSON
 * types only, as in every service, so Fastify answers the rest with 415; it enforces the
 * body limit (413) before this runs.
 */
export function parseRawBody(
  request: FastifyRequest,
  body: Buffer,
  done: (error: Error | null, body?: Buffer) => void,
): void {
  try {
    const value = readJsonBody(request.headers['content-type'], body);
    done(null, value === undefined ? undefined : body);
  } catch (error) {
    done(error as Error);
  }
}
