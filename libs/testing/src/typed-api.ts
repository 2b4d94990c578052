import type { paths } from '@blog/api';
import { SERVICE_PORTS } from '@blog/chassis';
import createClient, { type Middleware } from 'openapi-fetch';
import { apiUrl } from './api-client';
import { assertDocumented, problemsAt } from './api-contract';

/** Every answer the typed client gets is checked against the document for its route. */
const documentedAnswers: Middleware = {
  async onResponse({ request, response, schemaPath }) {
    const text = await response.clone().text();
    const body: unknown = text ? JSON.parse(text) : null;
    assertDocumented(problemsAt(schemaPath, request.method, response.status, body));
    return response;
  },
};

/**
 * The API's typed client, generated from the OpenAPI document (openapi-typescript types,
 * openapi-fetch): a path, parameter or body the document does not have does not compile.
 * Through the gateway, or straight to the services with E2E_DIRECT=1 as `api()`.
 */
export const client = createClient<paths>({
  baseUrl: `http://127.0.0.1:${SERVICE_PORTS.gateway}`,
  fetch: async (request: Request) => {
    const url = new URL(request.url);
    // The body is sent as a string, not the Request's stream: a service that refuses early (413)
    // closes the socket mid-upload, and a streamed body then fails with EPIPE instead of the answer.
    const body = request.body ? await request.text() : undefined;
    return fetch(apiUrl(`${url.pathname}${url.search}`), {
      method: request.method,
      headers: request.headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(15_000)]),
    });
  },
});
client.use(documentedAnswers);

/** The headers of a call made as the holder of `token`. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
