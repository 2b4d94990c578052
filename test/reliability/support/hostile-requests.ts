import fc from 'fast-check';

/** One generated request; `body` is sent as is (text) so malformed JSON stays malformed. */
export interface HostileRequest {
  readonly method: string;
  readonly path: string;
  readonly body?: string;
  readonly token?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** What it is, for the report of a failing case. */
  readonly kind: string;
}

/** What a valid-looking request needs from the spec: ids it owns and tokens to send. */
export interface Fixture {
  readonly token: string;
  readonly blogId: string;
  readonly postId: string;
  readonly handle: string;
  readonly forgedTokens: readonly string[];
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
  readonly path: (f: Fixture) => string;
  readonly authenticated: boolean;
  readonly fields: readonly Field[];
}

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
    path: () => '/api/auth/register',
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
    path: () => '/api/auth/login',
    authenticated: false,
    fields: [text('email', 'fuzz@example.com', 254), text('password', 'pw', 128)],
  },
  {
    method: 'POST',
    path: () => '/api/blogs',
    authenticated: true,
    fields: [text('title', 'Fuzz', 200), text('description', 'd', 2_000, 'optional')],
  },
  {
    method: 'PATCH',
    path: (f) => `/api/blogs/${f.blogId}`,
    authenticated: true,
    fields: [text('title', 'Fuzz', 200), text('description', 'd', 2_000, 'optional')],
  },
  {
    method: 'POST',
    path: () => '/api/posts',
    authenticated: true,
    fields: [
      text('blogId', '<blog>', 36),
      text('title', 'Fuzz', 200),
      text('body', 'b', 100_000, 'optional'),
    ],
  },
  {
    method: 'PATCH',
    path: (f) => `/api/posts/${f.postId}`,
    authenticated: true,
    fields: [text('title', 'Fuzz', 200), text('body', 'b', 100_000, 'optional')],
  },
  {
    method: 'POST',
    path: () => '/api/subscriptions',
    authenticated: true,
    fields: [text('blogId', '<blog>', 36)],
  },
  {
    method: 'POST',
    path: () => '/api/visits',
    authenticated: false,
    fields: [text('postId', '<post>', 36)],
  },
  {
    method: 'PATCH',
    path: (f) => `/api/users/${f.handle}`,
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
        path: route.path(f),
        body: JSON.stringify(body),
        ...authOf(route, f),
        kind: `${route.method} ${route.path(f)} with ${field.name} poisoned`,
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
      path: route.path(f),
      body,
      ...authOf(route, f),
      kind: `${route.method} ${route.path(f)} with body ${JSON.stringify(body)}`,
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
        path: route.path(f),
        body: JSON.stringify(body),
        token,
        kind: `${route.method} ${route.path(f)} with a forged token`,
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
    .constantFrom(...ROUTES.filter((route) => !route.path(f).startsWith('/api/posts')))
    .map((route): HostileRequest => ({
      method: route.method,
      path: route.path(f),
      body: JSON.stringify({ [route.fields[0]?.name ?? 'x']: 'x'.repeat(2_000_000) }),
      ...authOf(route, f),
      kind: `${route.method} ${route.path(f)} with a 2 MB body`,
    }));

export const hostileRequest = (f: Fixture): fc.Arbitrary<HostileRequest> =>
  fc.oneof(
    { arbitrary: poisonedField(f), weight: 8 },
    { arbitrary: notAnObject(f), weight: 3 },
    { arbitrary: forgedToken(f), weight: 3 },
    { arbitrary: badPath(f), weight: 3 },
    { arbitrary: badQuery(f), weight: 2 },
    { arbitrary: hugeBody(f), weight: 1 },
  );

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
