import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from '../errors/error-body.filter';
import { firstIllFormedText } from './well-formed-text';

/**
 * Refuses, for every route of the service, a JSON body holding text Postgres cannot keep
 * as sent (see firstIllFormedText), before any controller runs: one rule in one place
 * instead of a refinement on every string of every request schema.
 */
export function registerWellFormedText(fastify: FastifyInstance, service: string): void {
  // The same code as the service's own validation refusals: clients see one kind of 400.
  const code = `${service.toUpperCase()}.INVALID_INPUT`;
  fastify.addHook('preValidation', async (request, reply) => {
    const path = firstIllFormedText(request.body);
    if (path === null) return;
    const body: ErrorBody = {
      code,
      message: 'Text must be well-formed Unicode without NUL characters',
      details: { path },
    };
    return reply.code(400).send(body);
  });
}
