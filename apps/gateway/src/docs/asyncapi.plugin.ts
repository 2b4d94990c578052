import type { AsyncApiDocument } from '@blog/contracts';
import type { FastifyPluginAsync } from 'fastify';
import { stringify } from 'yaml';
import { renderAsyncApiPage } from './asyncapi-page';
import committed from './asyncapi.json';

/**
 * The messages' document beside the HTTP API's: `/docs/asyncapi` is the page, `/docs/asyncapi/json`
 * and `/docs/asyncapi/yaml` the AsyncAPI document. The document is generated from libs/contracts
 * and the apps' consumers and committed (test/contracts/asyncapi-document.unit.spec.ts keeps it
 * current): the gateway may not import other apps, so it serves the file.
 */
export function asyncApiPlugin(
  document: AsyncApiDocument = committed as AsyncApiDocument,
): FastifyPluginAsync {
  const base = '/docs/asyncapi';
  const json = JSON.stringify(document);
  const yaml = stringify(document);
  const page = renderAsyncApiPage(document, base);
  return async (docs) => {
    docs.get(base, { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(page),
    );
    docs.get(`${base}/json`, { schema: { hide: true } }, (_request, reply) =>
      reply.type('application/json; charset=utf-8').send(json),
    );
    docs.get(`${base}/yaml`, { schema: { hide: true } }, (_request, reply) =>
      reply.type('application/x-yaml').send(yaml),
    );
  };
}
