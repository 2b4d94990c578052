import { randomUUID } from 'node:crypto';
import { api, mintAccessToken } from '@blog/testing';
import fc from 'fast-check';
import { generateKeyPair, SignJWT } from 'jose';
import { snapshotDatabases } from './support/db-snapshot';
import { type ExtraGateway, startExtraGateway } from './support/extra-gateway';
import { type Fixture, type HostileRequest, hostileRequest } from './support/hostile-requests';

// A few thousand generated hostile requests through a gateway: poisoned fields (wrong
// types, over-long, NUL, lone surrogates, blanks, injection strings in ids), bodies that
// are not JSON objects, forged tokens, garbage in paths and listing parameters, huge
// bodies. Every answer is a 4xx with the error body, never a 5xx, and no service database
// changes. A second gateway process takes them, so the stack's rate budget is untouched.

const RUNS = 2_500;
/** A fake client address, so auth's per-address login throttling counts these elsewhere. */
const CLIENT = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

async function forgedTokens(accountId: string): Promise<string[]> {
  const { privateKey } = await generateKeyPair('RS256');
  const claims = { roles: ['user', 'admin'] };
  const now = Math.floor(Date.now() / 1000);
  const otherKey = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'not-ours' })
    .setSubject(accountId)
    .setIssuer('blog-auth')
    .setAudience('blog-api')
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .sign(privateKey);
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: accountId, ...claims })}.`;
  const expired = await mintAccessToken({ accountId, expiresInSeconds: -120 });
  const [header, , signature] = (await mintAccessToken({ accountId })).split('.');
  const tampered = `${header}.${encode({ sub: accountId, ...claims, exp: now + 300 })}.${signature}`;
  return [otherKey, unsigned, expired, tampered, 'garbage', '', `${otherKey}x`];
}

describe('hostile input through the gateway', () => {
  let gateway: ExtraGateway;
  let fixture: Fixture;

  beforeAll(async () => {
    gateway = await startExtraGateway(3101, {
      RATE_LIMIT_MAX: '1000000',
      AUTH_RATE_LIMIT_MAX: '1000000',
    });
    const accountId = randomUUID();
    const token = await mintAccessToken({ accountId });
    const blog = await api<{ id: string }>('POST', '/api/blogs', {
      token,
      body: { title: 'Fuzzed' },
    });
    let post = await api<{ id: string }>('POST', '/api/posts', {
      token,
      body: { blogId: blog.body.id, title: 'Fuzzed', body: '' },
    });
    for (let i = 0; post.status === 404 && i < 100; i += 1) {
      // post learns of the new blog from Kafka a moment later.
      await new Promise((resolve) => setTimeout(resolve, 100));
      post = await api('POST', '/api/posts', {
        token,
        body: { blogId: blog.body.id, title: 'Fuzzed', body: '' },
      });
    }
    expect(post.status).toBe(201);
    fixture = {
      token,
      blogId: blog.body.id,
      postId: post.body.id,
      handle: `nobody_${accountId.slice(0, 8)}`,
      forgedTokens: await forgedTokens(accountId),
    };
  });
  afterAll(() => gateway?.stop());

  const send = async (request: HostileRequest) => {
    const headers: Record<string, string> = { 'x-forwarded-for': CLIENT, ...request.headers };
    if (request.token !== undefined) headers['authorization'] = `Bearer ${request.token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.method === 'PATCH' && request.path.startsWith('/api/posts/')) {
      headers['if-match'] = '"1"';
    }
    const response = await fetch(`${gateway.url}${request.path}`, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: response.status, body };
  };

  it(`answers ${RUNS} generated hostile requests with a 4xx error body, never a 5xx, and writes nothing`, async () => {
    const before = await snapshotDatabases();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(hostileRequest(fixture), async (request) => {
        const { status, body } = await send(request);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status < 400 || status >= 500) {
          throw new Error(`${request.kind}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
        }
        expect(body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }),
      { numRuns: RUNS },
    );
    process.stdout.write(`hostile input: ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    expect(await snapshotDatabases()).toEqual(before);
  });
});
