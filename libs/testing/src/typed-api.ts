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
  fetch: (request: Request) => {
    const url = new URL(request.url);
    return fetch(new Request(apiUrl(`${url.pathname}${url.search}`), request));
  },
});
client.use(documentedAnswers);

/** The headers of a call made as the holder of `token`. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
