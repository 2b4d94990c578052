import { randomUUID } from 'node:crypto';
import { api, mintAccessToken } from '@blog/testing';
import fc from 'fast-check';
import { generateKeyPair, SignJWT } from 'jose';
import { snapshotDatabases } from './support/db-snapshot';
import { type ExtraGateway, startExtraGateway } from './support/extra-gateway';
import {
  type DocumentedRoute,
  documentedRoutes,
  type Fixture,
  type HostileRequest,
  hostileRequest,
  unclassifiedWriteRoutes,
} from './support/hostile-requests';
import { sendRawHttp } from './support/raw-http';
import { startWellBehavedReader } from './support/well-behaved-reader';

// A few thousand generated hostile requests through a gateway, against every route its
// OpenAPI document lists: poisoned fields (wrong types, over-long, NUL, lone surrogates,
// blanks, injection strings in ids), bodies that are not JSON objects, nested thousands
// deep, not UTF-8, with unknown members or of another content type, forged tokens, garbage
// in paths, listing parameters and header lines, huge bodies. Every answer is a 4xx with
// the error body and a request id, never a 5xx, and no service database changes; all the
// while a second, well-behaved client reads through the same gateway and never sees a 5xx
// (a breaker opened by the hostile client would show there). A second gateway process
// takes them, so the stack's rate budget is untouched.

const RUNS = 3_000;
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
  let routes: DocumentedRoute[];

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
      accountId,
      blogId: blog.body.id,
      postId: post.body.id,
      handle: `nobody_${accountId.slice(0, 8)}`,
      forgedTokens: await forgedTokens(accountId),
    };
    const document = await fetch(`${gateway.url}/docs/json`);
    routes = documentedRoutes((await document.json()) as Parameters<typeof documentedRoutes>[0]);
  });
  afterAll(() => gateway?.stop());

  const send = async (request: HostileRequest) => {
    if (request.raw !== undefined) {
      const answer = await sendRawHttp(gateway.url, request.raw);
      return { ...answer, requestId: answer.headers['x-request-id'], body: parsed(answer.body) };
    }
    const headers: Record<string, string> = { 'x-forwarded-for': CLIENT, ...request.headers };
    if (request.token !== undefined) headers['authorization'] = `Bearer ${request.token}`;
    if (request.body !== undefined && request.contentType !== null) {
      headers['content-type'] = request.contentType ?? 'application/json';
    }
    if (request.method === 'PATCH' && request.path.startsWith('/api/posts/')) {
      headers['if-match'] = '"1"';
    }
    const response = await fetch(`${gateway.url}${request.path}`, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(10_000),
    });
    const requestId = response.headers.get('x-request-id') ?? undefined;
    return { status: response.status, requestId, body: parsed(await response.text()) };
  };

  it('knows a body, or the absence of one, for every write route the API documents', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(unclassifiedWriteRoutes(routes)).toEqual([]);
  });

  it(`answers ${RUNS} generated hostile requests with a 4xx error body, never a 5xx, writes nothing, and another client is served throughout`, async () => {
    const before = await snapshotDatabases();
    const reader = startWellBehavedReader(gateway.url, fixture);
    const statuses = new Map<number, number>();
    try {
      await fc.assert(
        fc.asyncProperty(hostileRequest(fixture, routes), async (request) => {
          const { status, body, requestId } = await send(request);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status < 400 || status >= 500) {
            throw new Error(`${request.kind}: ${status} ${JSON.stringify(body).slice(0, 300)}`);
          }
          expect(body, request.kind).toMatchObject({
            code: expect.any(String),
            message: expect.any(String),
          });
          expect(requestId, request.kind).toMatch(/^[\w.-]{1,64}$/);
        }),
        { numRuns: RUNS },
      );
    } finally {
      await reader.stop();
    }
    process.stdout.write(`hostile input: ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    process.stdout.write(`well-behaved reads: ${reader.served()} served\n`);
    expect(reader.failures()).toEqual([]);
    expect(reader.served()).toBeGreaterThan(100);
    expect(await snapshotDatabases()).toEqual(before);
  });
});

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
