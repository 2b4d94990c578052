import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors/app-error';
import { JSON_CONTENT_TYPE, readJsonBody } from './json-body';
import { firstIllFormedText } from './well-formed-text';

/**
 * The only body a service takes is JSON: every other parser (Nest's form parser, Fastify's
 * text one) is removed, so any other content type is Fastify's 415, which the error filter
 * answers as `UNSUPPORTED_MEDIA_TYPE`. The body is read by the same rules as at the
 * gateway, and text Postgres cannot keep as sent is refused with the service's own
 * `<SERVICE>.INVALID_INPUT`, before any controller runs: one rule for every route.
 */
export function registerJsonBody(fastify: FastifyInstance, service: string): void {
  const invalidInput = `${service.toUpperCase()}.INVALID_INPUT`;
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_CONTENT_TYPE, { parseAs: 'buffer' }, (request, bytes, done) => {
    try {
      const body = readJsonBody(request.headers['content-type'], bytes as Buffer);
      const path = firstIllFormedText(body);
      if (path !== null) {
        const message = 'Text must be well-formed Unicode without NUL characters';
        throw new AppError('invalid', invalidInput, message, { path });
      }
      done(null, body);
    } catch (error) {
      done(error as Error);
    }
  });
}
