import {
  applyDecorators,
  HttpCode,
  RequestMapping,
  RequestMethod,
  SetMetadata,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Public, Roles } from '../auth/authenticated.guard';
import { inputParser } from './parse-input';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone (a token, when sent, is still verified), a caller, an admin. */
export type Access = 'public' | 'caller' | 'admin';

export type SuccessStatus = 200 | 201 | 202 | 204;
export type ErrorStatus =
  400 | 401 | 403 | 404 | 409 | 413 | 414 | 415 | 422 | 428 | 429 | 500 | 503 | 504;

/** One refusal a route can answer with: its status, its stable code and when it happens. */
export interface Refusal {
  readonly status: ErrorStatus;
  readonly code: string;
  readonly when: string;
}

/** One success: its body's schema (none for 204) and the headers that come with it. */
export interface Answer {
  readonly description: string;
  readonly body?: z.ZodType;
  /** Header name → what it carries. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Everything about one HTTP route, in one object: Nest maps the handler from it
 * (`@Endpoint`), the controller parses its input with its schemas (`route.parse`), the
 * chassis shapes the answer with its answer's schema, and the OpenAPI document is built
 * from the same schemas. So what is documented is what is validated and what is sent.
 */
export interface RouteSpec {
  readonly method: HttpMethod;
  /** As Nest maps it, from the service's root: `/blogs/:blogId`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tag: string;
  readonly access: Access;
  /** Served for the gateway only (`/internal/*`), never published through it. */
  readonly internal?: true;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  /** Request headers the route reads, lower-case names. */
  readonly headers?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly answers: Partial<Record<SuccessStatus, Answer>>;
  /** The route's own refusals; the chassis adds those every route of its shape can meet. */
  readonly refusals?: readonly Refusal[];
}

type Output<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

/** A route's parsed input, typed by its schemas. */
export interface RouteInput<Spec extends RouteSpec> {
  readonly params: Output<Spec['params']>;
  readonly query: Output<Spec['query']>;
  readonly headers: Output<Spec['headers']>;
  readonly body: Output<Spec['body']>;
}

export type Route<Spec extends RouteSpec = RouteSpec> = Spec & {
  /** The service's 400 code for input its schemas refuse, e.g. `BLOG.INVALID_INPUT`. */
  readonly invalidInputCode: string;
  /** Parses params, query, headers and body with the route's schemas, or refuses with 400. */
  parse(request: FastifyRequest): RouteInput<Spec>;
};

const what = { params: 'path', query: 'query', headers: 'headers', body: 'request body' } as const;

/**
 * The route declarations of one service: `const route = serviceRoutes('BLOG.INVALID_INPUT')`,
 * then `export const getBlog = route({ ... })` beside the controller that serves it.
 */
export function serviceRoutes(invalidInputCode: string) {
  const parseInput = inputParser(invalidInputCode);
  return <const Spec extends RouteSpec>(spec: Spec): Route<Spec> => ({
    ...spec,
    invalidInputCode,
    parse(request) {
      const input: Record<keyof typeof what, unknown> = {
        params: undefined,
        query: undefined,
        headers: undefined,
        body: undefined,
      };
      for (const part of Object.keys(what) as (keyof typeof what)[]) {
        const schema = spec[part];
        if (schema === undefined) continue;
        const raw =
          part === 'body'
            ? request.body
            : part === 'headers'
              ? headersNamedBy(spec.headers, request)
              : (request[part] ?? {});
        input[part] = parseInput(schema, raw, what[part]);
      }
      return input as unknown as RouteInput<Spec>;
    },
  });
}

/** Only the headers a route declares are parsed: the rest of a request's headers are not input. */
function headersNamedBy(schema: z.ZodObject | undefined, request: FastifyRequest) {
  const names = Object.keys(schema?.shape ?? {});
  return Object.fromEntries(
    names.flatMap((name) => {
      const value = request.headers[name];
      return value === undefined ? [] : [[name, Array.isArray(value) ? value.join(',') : value]];
    }),
  );
}

export const ROUTE_METADATA = 'http:route';

/** The first success a route declares: the status Nest answers with unless the handler sets another. */
export function primaryStatusOf(route: RouteSpec): SuccessStatus {
  const statuses = Object.keys(route.answers).map(Number) as SuccessStatus[];
  const [first] = statuses;
  if (first === undefined) throw new Error(`${route.operationId} declares no success`);
  return first;
}

/**
 * Maps a handler from its route: method, path, success status, access, and the route
 * itself as metadata for the answer's shaping and the document. The one way to declare an
 * HTTP handler in a service.
 */
export function Endpoint(route: Route): MethodDecorator {
  return applyDecorators(
    RequestMapping({ path: route.path, method: RequestMethod[route.method] }),
    HttpCode(primaryStatusOf(route)),
    SetMetadata(ROUTE_METADATA, route),
    ...(route.access === 'public' ? [Public()] : []),
    ...(route.access === 'admin' ? [Roles('admin')] : []),
  );
}

/** One page of a list: every list route answers this shape (`?limit=&cursor=`). */
export const pageOf = <Item extends z.ZodType>(item: Item) =>
  z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` for the next page; null on the last one'),
  });

/** The query of every list route: where the previous page ended, and how many to answer. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Items per page, 1 to 100'),
  cursor: z
    .string()
    .min(1)
    .max(300)
    .optional()
    .describe('`nextCursor` of the previous page; omit for the first page'),
});
