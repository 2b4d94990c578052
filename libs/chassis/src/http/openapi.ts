import { z } from 'zod';
import type { Refusal, Route, RouteSpec } from './route';

/** A JSON value of the document; the document is data, not a class tree. */
export type JsonObject = { [key: string]: unknown };

/** An operation of a service before an edge adds its own refusals and renders the responses. */
export interface DocumentedOperation {
  readonly route: RouteSpec;
  /** The service's path as an OpenAPI template: `/blogs/{blogId}`. */
  readonly path: string;
  /** Everything but `responses`. */
  readonly operation: JsonObject;
  /** Success status → response object. */
  readonly answers: Readonly<Record<string, JsonObject>>;
  /** The route's refusals and those every route of its shape can meet. */
  readonly refusals: readonly Refusal[];
}

/** The error body of every refusal, whoever makes it. */
export const ERROR_BODY_SCHEMA: JsonObject = {
  type: 'object',
  required: ['code', 'message'],
  additionalProperties: false,
  properties: {
    code: { type: 'string', description: 'Stable and machine-readable' },
    message: { type: 'string', description: 'For people; may change' },
    details: {
      type: 'object',
      additionalProperties: true,
      description: 'Facts about the refusal: `issues` for invalid input, the saga for LOCKED',
    },
  },
};

const FORMATS = new Set(['uuid', 'date-time', 'email']);

/**
 * JSON Schemas of zod schemas, for one document: a schema given an id (`.meta({ id })`)
 * becomes one entry of `components.schemas`, referenced from everywhere it is used.
 */
export class DocumentSchemas {
  readonly named: Record<string, JsonObject> = { ErrorBody: ERROR_BODY_SCHEMA };

  of(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
    const {
      $schema: _dialect,
      $defs,
      ...json
    } = z.toJSONSchema(schema, {
      io,
      unrepresentable: 'throw',
      // `format` says it (and validators check it); zod's own regex would repeat at every id.
      override: ({ jsonSchema }) => {
        if (typeof jsonSchema.format === 'string' && FORMATS.has(jsonSchema.format)) {
          delete jsonSchema.pattern;
        }
      },
    }) as JsonObject & { $defs?: Record<string, JsonObject> };
    for (const [id, definition] of Object.entries($defs ?? {})) {
      this.name(id, componentRefs(definition));
    }
    return componentRefs(json);
  }

  private name(id: string, definition: JsonObject): void {
    const known = this.named[id];
    if (known !== undefined && JSON.stringify(known) !== JSON.stringify(definition)) {
      throw new Error(`two different schemas are named ${id}`);
    }
    this.named[id] = definition;
  }
}

function componentRefs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as T;
}

/** `/blogs/:blogId` → `/blogs/{blogId}` */
export const templateOf = (nestPath: string) => nestPath.replace(/:(\w+)/g, '{$1}');

/** What every route of a shape can meet before or around its own code. */
export function refusalsOfShape(route: Route): Refusal[] {
  const reads = [route.params, route.query, route.headers, route.body].some(Boolean);
  const write = route.method !== 'GET';
  return [
    {
      status: 400,
      code: 'MALFORMED_REQUEST',
      when: 'the URL, the HTTP framing or the JSON body is malformed',
    },
    ...(reads
      ? [
          {
            status: 400 as const,
            code: route.invalidInputCode,
            when: 'the input breaks its schema (`details.issues` names each path and rule)',
          },
        ]
      : []),
    ...(route.access === 'public'
      ? [
          {
            status: 401 as const,
            code: 'AUTH.TOKEN_INVALID',
            when: 'a token was sent and is not valid (a public route needs none)',
          },
          {
            status: 401 as const,
            code: 'AUTH.TOKEN_EXPIRED',
            when: 'a token was sent and has expired',
          },
        ]
      : [
          { status: 401 as const, code: 'AUTH.TOKEN_MISSING', when: 'no bearer token' },
          { status: 401 as const, code: 'AUTH.TOKEN_INVALID', when: 'the token is not valid' },
          { status: 401 as const, code: 'AUTH.TOKEN_EXPIRED', when: 'the token has expired' },
        ]),
    ...(route.access === 'admin'
      ? [{ status: 403 as const, code: 'AUTH.FORBIDDEN', when: 'the token lacks the admin role' }]
      : []),
    ...(write
      ? [
          {
            status: 413 as const,
            code: 'PAYLOAD_TOO_LARGE',
            when: 'the body is larger than the route takes',
          },
          {
            status: 415 as const,
            code: 'UNSUPPORTED_MEDIA_TYPE',
            when: 'a body that is not UTF-8 JSON',
          },
        ]
      : []),
    ...(route.params
      ? [
          {
            status: 414 as const,
            code: 'URI_TOO_LONG',
            when: 'a path segment is longer than any id or handle',
          },
        ]
      : []),
    ...(route.refusals ?? []),
    {
      status: 500,
      code: 'INTERNAL',
      when: 'an unexpected error; the `x-request-id` names it in the logs',
    },
    {
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      when: 'the service cannot reach its database; nothing was written, retry',
    },
    {
      status: 503,
      code: 'AUTH.KEYS_UNAVAILABLE',
      when: 'the token could not be checked: the signing keys are unavailable',
    },
  ];
}

function parametersOf(route: RouteSpec, schemas: DocumentSchemas): JsonObject[] {
  const places = [
    ['path', route.params],
    ['query', route.query],
    ['header', route.headers],
  ] as const;
  return places.flatMap(([place, schema]) => {
    if (schema === undefined) return [];
    const json = schemas.of(schema, 'input') as {
      properties?: Record<string, JsonObject>;
      required?: string[];
    };
    return Object.entries(json.properties ?? {}).map(([name, property]) => {
      const { description, ...propertySchema } = property;
      return {
        name,
        in: place,
        required: place === 'path' || (json.required ?? []).includes(name),
        ...(typeof description === 'string' ? { description } : {}),
        schema: propertySchema,
      };
    });
  });
}

function answersOf(route: RouteSpec, schemas: DocumentSchemas): Record<string, JsonObject> {
  return Object.fromEntries(
    Object.entries(route.answers).map(([status, answer]) => [
      status,
      {
        description: answer.description,
        ...(answer.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(answer.headers).map(([name, description]) => [
                  name,
                  { description, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
        ...(answer.body
          ? { content: { 'application/json': { schema: schemas.of(answer.body, 'output') } } }
          : {}),
      },
    ]),
  );
}

/** One service's routes as operations, their schemas collected in `schemas`. */
export function documentRoutes(
  routes: readonly Route[],
  schemas: DocumentSchemas,
): DocumentedOperation[] {
  return routes.map((route) => {
    const parameters = parametersOf(route, schemas);
    return {
      route,
      path: templateOf(route.path),
      operation: {
        operationId: route.operationId,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        tags: [route.tag],
        ...(parameters.length ? { parameters } : {}),
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: {
                  'application/json': { schema: schemas.of(strictBody(route.body), 'input') },
                },
              },
            }
          : {}),
        security: route.access === 'public' ? [{}, { bearerAuth: [] }] : [{ bearerAuth: [] }],
      },
      answers: answersOf(route, schemas),
      refusals: refusalsOfShape(route),
    };
  });
}

/** Bodies are strict (parse-input.ts): the document says so with `additionalProperties: false`. */
function strictBody(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodObject && schema.def.catchall === undefined
    ? schema.strict()
    : schema;
}

/** The responses of an operation: its answers, then one response per refusal status. */
export function responsesOf(
  answers: Readonly<Record<string, JsonObject>>,
  refusals: readonly Refusal[],
): Record<string, JsonObject> {
  const byStatus = new Map<number, Refusal[]>();
  for (const refusal of refusals) {
    const known = byStatus.get(refusal.status) ?? [];
    if (!known.some((other) => other.code === refusal.code)) known.push(refusal);
    byStatus.set(refusal.status, known);
  }
  const errors = [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, list]) => [
      String(status),
      {
        description: list.map((refusal) => `\`${refusal.code}\`: ${refusal.when}`).join('; '),
        content: {
          'application/json': {
            schema: {
              allOf: [
                { $ref: '#/components/schemas/ErrorBody' },
                {
                  type: 'object',
                  properties: { code: { enum: list.map((refusal) => refusal.code) } },
                },
              ],
            },
            example: { code: list[0]?.code, message: list[0]?.when },
          },
        },
      },
    ]);
  return { ...answers, ...Object.fromEntries(errors) };
}
