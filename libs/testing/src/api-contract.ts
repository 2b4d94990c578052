import { OPENAPI_DOCUMENT } from '@blog/api';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Operation = { responses: Record<string, { content?: Record<string, unknown> }> };
type PathItem = Record<string, Operation>;

const paths = OPENAPI_DOCUMENT['paths'] as Record<string, PathItem>;

/** Templates as patterns, literal ones first: `/api/stats/popular` before `/api/stats/{x}`. */
const TEMPLATES = Object.keys(paths)
  .map((template) => ({
    template,
    pattern: new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`,
    ),
    literal: !template.includes('{'),
  }))
  .sort((a, b) => Number(b.literal) - Number(a.literal));

// The whole document is one schema resource, so a response schema's `#/components/…` resolves.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(OPENAPI_DOCUMENT, 'api');

const validators = new Map<string, ValidateFunction>();
const pointer = (...parts: string[]) =>
  parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

function validatorOf(template: string, method: string, status: string): ValidateFunction {
  const key = `api#/${pointer('paths', template, method, 'responses', status, 'content', 'application/json', 'schema')}`;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.getSchema(key);
    if (!validate) throw new Error(`no schema at ${key}`);
    validators.set(key, validate);
  }
  return validate;
}

/** The documented route a concrete path (no query string) answers on, if any. */
export function templateOf(path: string): string | undefined {
  return TEMPLATES.find(({ pattern }) => pattern.test(path))?.template;
}

/**
 * What is wrong with an answer the API gave, measured against the document: an undocumented
 * route, status or body, or a body its schema refuses (an undocumented member included).
 * Empty when it is as documented. Paths the document does not cover (health, metrics, an
 * unknown route a spec probes) must still answer errors with the error body.
 */
export function contractProblems(
  method: string,
  path: string,
  status: number,
  body: unknown,
): string[] {
  const template = templateOf(path);
  const where = `${method.toUpperCase()} ${path} → ${status}`;
  if (template !== undefined) return problemsAt(template, method, status, body, where);
  if (status < 400) return [];
  const validate = ajv.getSchema('api#/components/schemas/ErrorBody');
  return validate?.(body) ? [] : [`${where}: not the error body ${JSON.stringify(body)}`];
}

/** The same, for a client that knows the route's template (the typed client). */
export function problemsAt(
  template: string,
  method: string,
  status: number,
  body: unknown,
  where = `${method.toUpperCase()} ${template} → ${status}`,
): string[] {
  // HEAD is GET without the body.
  const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
  const operation = paths[template]?.[verb];
  if (!operation) return [`${where}: ${method} ${template} is not documented`];
  const response = operation.responses[String(status)];
  if (!response) return [`${where}: status ${status} is not documented for ${template}`];
  if (!response.content || verb !== method.toLowerCase()) {
    return body === null || body === undefined ? [] : [`${where}: a body is not documented`];
  }
  const validate = validatorOf(template, verb, String(status));
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${where} (${template}): ${error.instancePath || 'body'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  );
}

/** Throws when an answer is not as the document says: an e2e spec fails on drift. */
export function assertDocumented(problems: readonly string[]): void {
  if (problems.length > 0) {
    throw new Error(`the API answered outside its OpenAPI document:\n${problems.join('\n')}`);
  }
}
