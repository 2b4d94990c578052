import fc from 'fast-check';

/** One generated request; `body` is sent as is, so malformed JSON stays malformed. */
export interface HostileRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: string | Buffer;
  /** The body's Content-Type: `application/json` when left out, none when null. */
  readonly contentType?: string | null;
  readonly token?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** The whole request as bytes on the wire, for what fetch refuses to send. */
  readonly raw?: string;
  /** What it is, for the report of a failing case. */
  readonly kind: string;
}

/** What a valid-looking request needs from the spec: ids it owns and tokens to send. */
export interface Fixture {
  readonly token: string;
  readonly accountId: string;
  readonly blogId: string;
  readonly postId: string;
  readonly handle: string;
  readonly forgedTokens: readonly string[];
}

/** One operation of the gateway's OpenAPI document. */
export interface DocumentedRoute {
  readonly method: string;
  /** OpenAPI path template, e.g. `/api/posts/{postId}`. */
  readonly template: string;
  readonly authenticated: boolean;
}

/** The operations an OpenAPI document lists, with whether each asks for a bearer token. */
export function documentedRoutes(document: {
  paths: Record<string, Record<string, { security?: readonly object[] }>>;
}): DocumentedRoute[] {
  return Object.entries(document.paths).flatMap(([template, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      template,
      // A public route lists an empty requirement: a token is optional there.
      authenticated: !(operation.security ?? []).some((scheme) => Object.keys(scheme).length === 0),
    })),
  );
}

const PATH_PARAMS: Readonly<Record<string, (f: Fixture) => string>> = {
  accountId: (f) => f.accountId,
  blogId: (f) => f.blogId,
  postId: (f) => f.postId,
  handle: (f) => f.handle,
  // No saga has this id: an admin route with it would change nothing even if it ran.
  sagaId: () => '00000000-0000-4000-8000-00000000dead',
};

/** A concrete path for a template, with the fixture's ids; an unknown parameter throws. */
export function pathFor(template: string, f: Fixture): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = PATH_PARAMS[name];
    if (!value) throw new Error(`no fixture value for path parameter {${name}} in ${template}`);
    return encodeURIComponent(value(f));
  });
}

type Poison = 'required' | 'optional' | 'nullable';

interface Field {
  readonly name: string;
  readonly valid: string;
  readonly max: number;
  readonly poison: Poison;
}

interface JsonRoute {
  readonly method: string;
  readonly template: string;
  readonly authenticated: boolean;
  readonly fields: readonly Field[];
}

const pathOf = (route: JsonRoute, f: Fixture) => pathFor(route.template, f);
const keyOf = (route: { method: string; template: string }) => `${route.method} ${route.template}`;

const text = (name: string, valid: string, max: number, poison: Poison = 'required'): Field => ({
  name,
  valid,
  max,
  poison,
});

// Every JSON write route of the API, with a valid body: one field at a time is poisoned.
const ROUTES: readonly JsonRoute[] = [
  {
    method: 'POST',
    template: '/api/auth/refresh',
    authenticated: false,
    fields: [text('refreshToken', 'not-a-refresh-token', 200)],
  },
  {
    method: 'POST',
    template: '/api/auth/logout',
    authenticated: true,
    fields: [text('refreshToken', 'not-a-refresh-token', 200)],
  },
  {
    method: 'POST',
    template: '/api/auth/register',
    authenticated: false,
    fields: [
      text('email', 'fuzz@example.com', 254),
      text('password', 'correct horse battery staple', 128),
      text('handle', 'fuzz_handle', 30),
      text('displayName', 'Fuzz', 100),
    ],
  },
  {
    method: 'POST',
    template: '/api/auth/login',
    authenticated: false,
    fields: [text('email', 'fuzz@example.com', 254), text('password', 'pw', 128)],
  },
  {
    method: 'POST',
    template: '/api/blogs',
    authenticated: true,
    fields: [text('title', 'Fuzz', 200), text('description', 'd', 2_000, 'optional')],
  },
  {
    method: 'PATCH',
    template: '/api/blogs/{blogId}',
    authenticated: true,
    fields: [text('title', 'Fuzz', 200), text('description', 'd', 2_000, 'optional')],
  },
  {
    method: 'POST',
    template: '/api/posts',
    authenticated: true,
    fields: [
      text('blogId', '<blog>', 36),
      text('title', 'Fuzz', 200),
      text('body', 'b', 100_000, 'optional'),
    ],
  },
  {
    method: 'PATCH',
    template: '/api/posts/{postId}',
    authenticated: true,
    fields: [text('title', 'Fuzz', 200), text('body', 'b', 100_000, 'optional')],
  },
  {
    method: 'POST',
    template: '/api/subscriptions',
    authenticated: true,
    fields: [text('blogId', '<blog>', 36)],
  },
  {
    method: 'POST',
    template: '/api/visits',
    authenticated: false,
    fields: [text('postId', '<post>', 36)],
  },
  {
    method: 'PATCH',
    template: '/api/users/{handle}',
    authenticated: true,
    fields: [text('displayName', 'Fuzz', 100), text('bio', 'b', 500, 'nullable')],
  },
];

const INJECTIONS = [
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  '$$; SELECT pg_sleep(10); $$',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\\u0000',
];

const validValue = (field: Field, f: Fixture) =>
  field.valid === '<blog>' ? f.blogId : field.valid === '<post>' ? f.postId : field.valid;

/** A value no schema of the field accepts: wrong type, too long, NUL, lone surrogate, blank. */
const poisonFor = (field: Field): fc.Arbitrary<unknown> => {
  const wrongTypes: unknown[] = [42, true, [], {}, ...(field.poison === 'nullable' ? [] : [null])];
  const options: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(...wrongTypes),
    fc.nat({ max: 64 }).map((extra) => 'x'.repeat(field.max + 1 + extra)),
    fc.string({ maxLength: 20 }).map((s) => `${s}\u0000${s}`),
    fc.string({ maxLength: 20 }).map((s) => `${s}\ud800${s}`),
  ];
  if (field.poison === 'required') options.push(fc.constant(''));
  // An id field must be a UUID: injection strings are invalid there, valid prose elsewhere.
  if (field.max === 36) options.push(fc.constantFrom(...INJECTIONS));
  return fc.oneof(...options);
};

const authOf = (route: JsonRoute, f: Fixture) => (route.authenticated ? { token: f.token } : {});

/** A valid body with exactly one field poisoned. */
const poisonedField = (f: Fixture) =>
  fc
    .constantFrom(...ROUTES)
    .chain((route) =>
      fc
        .constantFrom(...route.fields)
        .chain((field) => poisonFor(field).map((value) => ({ route, field, value }))),
    )
    .map(({ route, field, value }): HostileRequest => {
      const body = Object.fromEntries(
        route.fields.map((other) => [other.name, validValue(other, f)]),
      );
      body[field.name] = value as string;
      return {
        method: route.method,
        path: pathOf(route, f),
        body: JSON.stringify(body),
        ...authOf(route, f),
        kind: `${route.method} ${pathOf(route, f)} with ${field.name} poisoned`,
      };
    });

/** Text that is not JSON, and JSON that is not an object. */
const notAnObject = (f: Fixture) =>
  fc
    .tuple(
      fc.constantFrom(...ROUTES),
      fc.oneof(
        fc.constantFrom('{', '{"title":', '{"a":1,}', "{'a':1}", 'NaN', '[1,2', '"unterminated'),
        fc.string({ maxLength: 40 }).filter((s) => !isJson(s)),
        fc
          .oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()))
          .map((v) => JSON.stringify(v)),
      ),
    )
    .map(([route, body]): HostileRequest => ({
      method: route.method,
      path: pathOf(route, f),
      body,
      ...authOf(route, f),
      kind: `${route.method} ${pathOf(route, f)} with body ${JSON.stringify(body)}`,
    }));

/** A valid request with a token that must not pass: forged, unsigned, expired, garbage. */
const forgedToken = (f: Fixture) =>
  fc
    .tuple(
      fc.constantFrom(...ROUTES.filter((route) => route.authenticated)),
      fc.constantFrom(...f.forgedTokens),
    )
    .map(([route, token]): HostileRequest => {
      const body = Object.fromEntries(
        route.fields.map((field) => [field.name, validValue(field, f)]),
      );
      return {
        method: route.method,
        path: pathOf(route, f),
        body: JSON.stringify(body),
        token,
        kind: `${route.method} ${pathOf(route, f)} with a forged token`,
      };
    });

/** Ids and handles in paths that name nothing: unicode, injection, dot segments, garbage. */
const badPath = (f: Fixture) =>
  fc
    .tuple(
      fc.constantFrom(
        ['GET', '/api/blogs/'],
        ['GET', '/api/posts/'],
        ['GET', '/api/users/'],
        ['GET', '/api/stats/posts/'],
        ['DELETE', '/api/subscriptions/'],
        ['POST', '/api/posts/'],
      ),
      fc.oneof(
        fc.string({ minLength: 1, maxLength: 80, unit: 'grapheme' }),
        fc.constantFrom(...INJECTIONS, '..', '.%2e', '%2e%2e%2f', 'a'.repeat(2_000)),
      ),
    )
    .map(([[method, prefix], segment]): HostileRequest => {
      const path = `${prefix}${encodeURIComponent(segment)}${method === 'POST' ? '/publish' : ''}`;
      return { method, path, token: f.token, kind: `${method} ${path}` };
    });

/** Listing parameters out of range or of the wrong shape. */
const badQuery = (f: Fixture) =>
  fc
    .record({
      limit: fc.constantFrom('-1', '0', '1e9', 'abc', '1.5', '101', ''),
      cursor: fc.string({ minLength: 1, maxLength: 60 }),
      path: fc.constantFrom(
        `/api/posts?blogId=${f.blogId}`,
        '/api/feed?',
        '/api/subscriptions?',
        '/api/blogs?',
      ),
    })
    .map(({ limit, cursor, path }): HostileRequest => {
      const query = `${path}&limit=${encodeURIComponent(limit)}&cursor=${encodeURIComponent(cursor)}`;
      return { method: 'GET', path: query, token: f.token, kind: `GET ${query}` };
    });

/** Bodies far over the limit, in JSON that would otherwise parse. */
const hugeBody = (f: Fixture) =>
  fc
    .constantFrom(...ROUTES.filter((route) => !pathOf(route, f).startsWith('/api/posts')))
    .map((route): HostileRequest => ({
      method: route.method,
      path: pathOf(route, f),
      body: JSON.stringify({ [route.fields[0]?.name ?? 'x']: 'x'.repeat(2_000_000) }),
      ...authOf(route, f),
      kind: `${route.method} ${pathOf(route, f)} with a 2 MB body`,
    }));

/** Write routes the API documents without a body: a body sent to one is still read. */
const BODILESS = new Set([
  'POST /api/auth/accounts/me/close',
  'DELETE /api/blogs/{blogId}',
  'DELETE /api/posts/{postId}',
  'POST /api/posts/{postId}/publish',
  'POST /api/posts/{postId}/unpublish',
  'DELETE /api/subscriptions/{blogId}',
  'POST /admin/sagas/{sagaId}/replay',
  'POST /admin/dead-letters/redrive',
]);

/**
 * Documented write routes this file has no body for and does not know to take none: a new
 * route must be added to ROUTES or BODILESS before it can go unfuzzed.
 */
export function unclassifiedWriteRoutes(routes: readonly DocumentedRoute[]): string[] {
  const known = new Set(ROUTES.map(keyOf));
  return routes
    .filter((route) => route.method !== 'GET')
    .map(keyOf)
    .filter((key) => !known.has(key) && !BODILESS.has(key));
}

const validBodyOf = (route: DocumentedRoute, f: Fixture): Record<string, unknown> => {
  const json = ROUTES.find((candidate) => keyOf(candidate) === keyOf(route));
  return Object.fromEntries(
    (json?.fields ?? []).map((field) => [field.name, validValue(field, f)]),
  );
};

/** A documented route as fetch sends it, with the fixture's ids and token where it needs one. */
const documented = (route: DocumentedRoute, f: Fixture, kind: string) => ({
  method: route.method,
  path: pathFor(route.template, f),
  ...(route.authenticated ? { token: f.token } : {}),
  kind: `${route.method} ${route.template} ${kind}`,
});

const writes = (routes: readonly DocumentedRoute[]) => routes.filter((r) => r.method !== 'GET');

/** Arrays or objects nested past any bound, alone or as a field of the route's valid body. */
const deepBody = (routes: readonly DocumentedRoute[], f: Fixture) =>
  fc
    .record({
      route: fc.constantFrom(...writes(routes)),
      depth: fc.integer({ min: 33, max: 8_000 }),
      shape: fc.constantFrom('array', 'object'),
      wrapped: fc.boolean(),
    })
    .map(({ route, depth, shape, wrapped }): HostileRequest => {
      const nested =
        shape === 'array'
          ? `${'['.repeat(depth)}${']'.repeat(depth)}`
          : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const valid = validBodyOf(route, f);
      const field = Object.keys(valid)[0] ?? 'x';
      const body = wrapped
        ? JSON.stringify({ ...valid, [field]: '<nested>' }).replace('"<nested>"', nested)
        : nested;
      return { ...documented(route, f, `with ${shape}s nested ${depth} deep`), body };
    });

/** Byte sequences UTF-8 forbids, inside a string of an otherwise valid body. */
const INVALID_UTF8 = [
  [0xff, 0xfe, 0xc3],
  [0x80],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
];

const invalidUtf8 = (routes: readonly DocumentedRoute[], f: Fixture) =>
  fc
    .tuple(fc.constantFrom(...writes(routes)), fc.constantFrom(...INVALID_UTF8))
    .map(([route, bytes]): HostileRequest => {
      const valid = validBodyOf(route, f);
      const field = Object.keys(valid)[0] ?? 'x';
      const [before = '', after = ''] = JSON.stringify({ ...valid, [field]: 'a<bad>b' }).split(
        '<bad>',
      );
      const body = Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
      return { ...documented(route, f, `with bytes ${bytes.join(',')} in a string`), body };
    });

/** Members no schema names, some of them what a client might hope to set. */
const UNKNOWN_FIELDS = ['status', 'id', 'ownerId', 'authorId', 'roles', 'version', 'isAdmin'];

/** A valid body with one member too many: refused, never silently dropped. */
const unknownField = (f: Fixture) =>
  fc
    .tuple(
      fc.constantFrom(...ROUTES),
      fc.oneof(fc.constantFrom(...UNKNOWN_FIELDS), fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,20}$/)),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .filter(([route, name]) => !route.fields.some((field) => field.name === name))
    .map(([route, name, value]): HostileRequest => {
      const body = Object.fromEntries(
        route.fields.map((field) => [field.name, validValue(field, f)]),
      );
      body[name] = value as string;
      return {
        method: route.method,
        path: pathOf(route, f),
        body: JSON.stringify(body),
        ...authOf(route, f),
        kind: `${route.method} ${route.template} with unknown member ${name}`,
      };
    });

/** Bodies that are not JSON by their Content-Type: the API takes nothing else. */
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'application/xml',
  'application/json; charset=latin1',
  'application/jsonp',
  null,
];

const wrongContentType = (routes: readonly DocumentedRoute[], f: Fixture) =>
  fc
    .tuple(fc.constantFrom(...writes(routes)), fc.constantFrom(...WRONG_CONTENT_TYPES))
    .map(([route, contentType]): HostileRequest => {
      const valid = validBodyOf(route, f);
      const body =
        contentType === 'application/x-www-form-urlencoded'
          ? new URLSearchParams(valid as Record<string, string>).toString() || 'a=b'
          : JSON.stringify(valid);
      const request = documented(route, f, `as ${contentType ?? 'no content type'}`);
      if (contentType !== null) return { ...request, body, contentType };
      // fetch would label a bare string text/plain: only raw bytes carry no type at all.
      const length = `Content-Length: ${Buffer.byteLength(body)}\r\n`;
      return {
        ...request,
        raw: `${rawRequest(route.method, request.path, request.token, length)}${body}`,
      };
    });

/** Header lines no HTTP parser may accept: bare CR or LF, NUL, folding, smuggling. */
const BAD_HEADERS = [
  'X-Fuzz: a\rb',
  'X-Fuzz: a\nInjected: yes',
  'X-Fuzz: a\u0000b',
  'X-Fuzz: a\r\n folded',
  'X Fuzz: spaced name',
  'Content-Length: 2\r\nTransfer-Encoding: chunked',
  'Content-Length: 2\r\nContent-Length: 3',
  `X-Fuzz: ${'a'.repeat(20_000)}`,
];

const rawRequest = (
  method: string,
  target: string,
  token: string | undefined,
  extra: string,
  host = 'Host: localhost\r\n',
) =>
  `${method} ${target} HTTP/1.1\r\n${host}` +
  (token === undefined ? '' : `Authorization: Bearer ${token}\r\n`) +
  `${extra}Connection: close\r\n\r\n`;

const headerInjection = (routes: readonly DocumentedRoute[], f: Fixture) =>
  fc
    .tuple(fc.constantFrom(...routes), fc.constantFrom(...BAD_HEADERS, 'no Host'))
    .map(([route, header]): HostileRequest => {
      const request = documented(route, f, `with header ${JSON.stringify(header.slice(0, 40))}`);
      const raw =
        header === 'no Host'
          ? rawRequest(route.method, request.path, request.token, '', '')
          : rawRequest(route.method, request.path, request.token, `${header}\r\n`);
      return { ...request, raw };
    });

/** Path segments that are not a valid URL, or decode to control characters or climbing. */
const BAD_SEGMENTS = [
  '%zz',
  '%',
  '%E0%A4%A',
  '%0d%0aSet-Cookie:%20x=1',
  '%00',
  'a b',
  'a\u0001b',
  'é',
  '..%2f..%2finternal',
  '%2e%2e',
  'a'.repeat(2_000),
];

const urlInjection = (routes: readonly DocumentedRoute[], f: Fixture) =>
  fc
    .tuple(fc.constantFrom(...routes), fc.constantFrom(...BAD_SEGMENTS))
    .map(([route, segment]): HostileRequest => {
      const request = documented(route, f, `with segment ${JSON.stringify(segment.slice(0, 30))}`);
      // A parameter is replaced; a route without one gets the segment appended instead.
      const template = route.template.includes('{')
        ? route.template.replace(/\{\w+\}/, 'BAD_SEGMENT')
        : `${route.template}/BAD_SEGMENT`;
      const target = pathFor(template, f).replace('BAD_SEGMENT', segment);
      return { ...request, raw: rawRequest(route.method, target, request.token, '') };
    });

export const hostileRequest = (
  f: Fixture,
  routes: readonly DocumentedRoute[],
): fc.Arbitrary<HostileRequest> =>
  fc.oneof(
    { arbitrary: poisonedField(f), weight: 6 },
    { arbitrary: notAnObject(f), weight: 2 },
    { arbitrary: forgedToken(f), weight: 2 },
    { arbitrary: badPath(f), weight: 2 },
    { arbitrary: badQuery(f), weight: 2 },
    { arbitrary: hugeBody(f), weight: 1 },
    { arbitrary: deepBody(routes, f), weight: 3 },
    { arbitrary: invalidUtf8(routes, f), weight: 2 },
    { arbitrary: unknownField(f), weight: 3 },
    { arbitrary: wrongContentType(routes, f), weight: 2 },
    { arbitrary: headerInjection(routes, f), weight: 2 },
    { arbitrary: urlInjection(routes, f), weight: 2 },
  );

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
