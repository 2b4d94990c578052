import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  api,
  type ApiResponse,
  apiUrl,
  bearer,
  client,
  logIn as logInAs,
  mintAccessToken,
  signUp,
  STACK,
} from '@blog/testing';
import { Pool } from 'pg';

// Hostile input against auth and user through the stack: every refusal is a 4xx with a
// `{ code, message }` body and writes nothing; what is valid data is stored verbatim and
// never executed; no password or token reaches the service logs.

const SQLISH = [
  "' OR '1'='1",
  "'; DROP TABLE accounts; --",
  "admin'--",
  '1; SELECT pg_sleep(5)',
  '" OR ""="',
  "x' UNION SELECT password_hash FROM credentials --",
];

const auth = new Pool({ connectionString: STACK.serviceDatabaseUrl('auth'), max: 2 });
const user = new Pool({ connectionString: STACK.serviceDatabaseUrl('user'), max: 2 });
const STATE_TABLES: [Pool, string][] = [
  [auth, 'events'],
  [auth, 'accounts'],
  [auth, 'credentials'],
  [auth, 'outbox'],
  [auth, 'refresh_tokens'],
  [auth, 'saga_log'],
  [user, 'events'],
  [user, 'profiles'],
  [user, 'outbox'],
];
const rowCounts = () =>
  Promise.all(
    STATE_TABLES.map(async ([pool, table]) =>
      Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n),
    ),
  );

/** A client address of its own (used when the spec talks to auth directly): its failed logins stay its own. */
const clientAddress = {
  'x-forwarded-for': `198.18.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`,
};
// Any body, hostile ones included: through the untyped api().
const logIn = (body: object) => api('POST', '/api/auth/login', { body, headers: clientAddress });

/** Every secret this spec sends or receives, to look for in the logs afterwards. */
const secrets: string[] = [];
const person = () => {
  const password = `pw ${randomUUID()}`;
  secrets.push(password);
  return {
    email: `${randomUUID()}@example.com`,
    password,
    handle: `e2e_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    displayName: 'Secure Person',
  };
};

function expectRefusal(response: ApiResponse<unknown>, status?: number) {
  if (status) expect(response.status).toBe(status);
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  const body = response.body as Record<string, unknown>;
  expect(body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  expect(Object.keys(body).every((key) => ['code', 'message', 'details'].includes(key))).toBe(true);
}

/** The raw request, for bodies `api()` would not send (malformed JSON, other types). */
async function raw(path: string, body: string, contentType = 'application/json') {
  const response = await fetch(apiUrl(path), {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as unknown };
}

describe('auth and user refuse hostile input', () => {
  afterAll(async () => {
    await auth.end();
    await user.end();
  });

  it('SQL-ish strings in fields whose format forbids them: 4xx, nothing written', async () => {
    const token = await mintAccessToken({ accountId: randomUUID() });
    const before = await rowCounts();
    // Values the document's formats refuse, in bodies, paths and headers: through api().
    for (const evil of SQLISH) {
      for (const field of ['email', 'handle'] as const) {
        expectRefusal(
          await api('POST', '/api/auth/register', { body: { ...person(), [field]: evil } }),
          400,
        );
      }
      expectRefusal(await logIn({ email: evil, password: evil }), 400);
      expectRefusal(await api('POST', '/api/auth/refresh', { body: { refreshToken: evil } }));
      const path = encodeURIComponent(evil);
      expectRefusal(await api('GET', `/api/auth/registrations/${path}?sagaId=${path}`), 400);
      expectRefusal(await api('GET', `/api/users/${path}`), 400);
      expectRefusal(
        await api('PATCH', `/api/users/${path}`, { token, body: { displayName: 'x' } }),
        400,
      );
      expectRefusal(
        await api('PATCH', `/api/users/someone`, {
          token,
          headers: { 'if-match': evil },
          body: { displayName: 'x' },
        }),
      );
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('SQL-ish strings where they are valid data are stored verbatim and never executed', async () => {
    const someone = { ...person(), displayName: SQLISH[1] ?? '', password: SQLISH[5] ?? '' };
    secrets.push(someone.password);
    // signUp registers (a 202, or it throws) and polls until the registration has settled.
    expect((await signUp(someone)).status).toBe('ACTIVE');
    const profile = await client.GET('/api/users/{handle}', {
      params: { path: { handle: someone.handle } },
    });
    expect(profile.data).toMatchObject({ displayName: "'; DROP TABLE accounts; --" });

    const wrong = await logIn({ email: someone.email, password: "' OR '1'='1' --" });
    expectRefusal(wrong, 401);
    const right = await client.POST('/api/auth/login', {
      body: { email: someone.email, password: someone.password },
    });
    expect(right.response.status).toBe(200);
    secrets.push(right.data?.accessToken ?? '', right.data?.refreshToken ?? '');
    // The tables are all still there.
    await expect(rowCounts()).resolves.toHaveLength(STATE_TABLES.length);
  });

  it('oversized and out-of-range inputs: 4xx, nothing written', async () => {
    const before = await rowCounts();
    const long = (n: number) => 'a'.repeat(n);
    for (const body of [
      { ...person(), email: `${long(250)}@example.com` },
      { ...person(), password: long(129) },
      { ...person(), password: long(11) },
      { ...person(), displayName: long(101) },
      { ...person(), displayName: '   ' },
      { ...person(), displayName: 'bell\u0007' },
      { ...person(), handle: long(31) },
      { ...person(), handle: 'ab' },
      { ...person(), handle: 'has-dash' },
    ]) {
      expectRefusal(await api('POST', '/api/auth/register', { body }), 400);
    }
    expectRefusal(await logIn({ email: 'a@example.com', password: long(129) }), 400);
    // An oversized body the document refuses: through api() like the rest of this test.
    const huge = await api('POST', '/api/auth/register', {
      body: { ...person(), displayName: long(200_000) },
    });
    expectRefusal(huge, 413);
    expect(huge.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await rowCounts()).toEqual(before);
  });

  it('malformed JSON, other content types, odd shapes and extra keys: 4xx, nothing written', async () => {
    const before = await rowCounts();
    const valid = person();
    for (const path of ['/api/auth/register', '/api/auth/login', '/api/auth/refresh']) {
      const malformed = await raw(path, '{"email": "a@example.com", "password": ');
      expectRefusal(malformed, 400);
      expectRefusal(await raw(path, 'email=a@example.com', 'application/x-www-form-urlencoded'));
      expectRefusal(await raw(path, '[]'), 400);
      expectRefusal(await raw(path, 'null'), 400);
      expectRefusal(await raw(path, '"just a string"'), 400);
    }
    expectRefusal(
      await raw('/api/auth/register', JSON.stringify({ ...valid, roles: ['admin'] })),
      400,
    );
    expectRefusal(
      await raw(
        '/api/auth/register',
        `{"__proto__": {"roles": ["admin"]}, ${JSON.stringify(valid).slice(1)}`,
      ),
      400,
    );
    expectRefusal(await raw('/api/auth/register', JSON.stringify({ ...valid, email: 42 })), 400);
    expect(await rowCounts()).toEqual(before);
  });

  it('throttles repeated failed logins with 429 AUTH.THROTTLED and Retry-After', async () => {
    const email = `${randomUUID()}@example.com`;
    const attempt = () => logIn({ email, password: 'not the password' });
    for (let failure = 0; failure < 5; failure += 1) expectRefusal(await attempt(), 401);
    const throttled = await attempt();
    expectRefusal(throttled, 429);
    expect(throttled.body).toMatchObject({ code: 'AUTH.THROTTLED' });
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('never writes a password or a token to the service logs', async () => {
    const someone = person();
    expect((await signUp(someone)).status).toBe('ACTIVE');
    const session = await logInAs(someone);
    const refresh = () =>
      client.POST('/api/auth/refresh', { body: { refreshToken: session.refreshToken } });
    const rotated = (await refresh()).data;
    if (!rotated) throw new Error('refresh refused');
    await refresh();
    await logIn({ email: someone.email, password: `${someone.password}-wrong` });
    await client.POST('/api/auth/logout', {
      headers: bearer(rotated.accessToken),
      body: { refreshToken: rotated.refreshToken },
    });
    secrets.push(
      `${someone.password}-wrong`,
      session.accessToken,
      session.refreshToken,
      rotated.accessToken,
      rotated.refreshToken,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const logs = await readFile(resolve(__dirname, '../../.stack/logs/auth.log'), 'utf8');
    expect(logs.length).toBeGreaterThan(0);
    const leaked = secrets.filter((secret) => secret.length >= 12 && logs.includes(secret));
    expect(leaked).toEqual([]);
  });
});
