import document from './openapi.json';

/**
 * The public API's contract, generated from the routes the services declare (docs/api.md):
 * the gateway serves it, Redocly lints it, and the e2e suite's typed client is typed by it
 * and checks every answer against it. `npm run openapi` regenerates both files.
 */
export const OPENAPI_DOCUMENT: { readonly [key: string]: unknown } = document;

export type { components, operations, paths } from './openapi.gen';
