import { capturedLines } from '../testing/captured-lines';
import { createLogger } from './create-logger';
import { isSecretKey, redact, REDACTED, redactText } from './redaction';

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1LTEiLCJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWJ5dGVz';

describe('redaction', () => {
  it('recognises secret keys in any case and spelling', () => {
    for (const key of [
      'password',
      'PASSWORD',
      'passwd',
      'newPassword',
      'clientSecret',
      'token',
      'accessToken',
      'refresh_token',
      'Authorization',
      'cookie',
      'Set-Cookie',
      'apiKey',
      'x-api-key',
    ]) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ['userId', 'email', 'message', 'sagaId', 'event.dataset', 'trace.id']) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });

  it('redacts secret keys at any depth, in arrays too, without touching the input', () => {
    const input = {
      user: { email: 'a@b.c', credentials: { password: 'hunter2', refreshToken: 'r-1' } },
      sessions: [{ accessToken: 'a-1', id: 's-1' }],
    };
    expect(redact(input)).toEqual({
      user: { email: 'a@b.c', credentials: { password: REDACTED, refreshToken: REDACTED } },
      sessions: [{ accessToken: REDACTED, id: 's-1' }],
    });
    expect(input.user.credentials.password).toBe('hunter2');
  });

  it('redacts credential headers whatever their value type', () => {
    const headers = {
      authorization: `Bearer ${JWT}`,
      cookie: 'sid=abc',
      'set-cookie': ['a=1', 'b=2'],
      'content-type': 'application/json',
    };
    expect(redact({ headers })).toEqual({
      headers: {
        authorization: REDACTED,
        cookie: REDACTED,
        'set-cookie': REDACTED,
        'content-type': 'application/json',
      },
    });
  });

  it('removes JWTs, bearer credentials and URL passwords from free text', () => {
    expect(redactText(`rejected token ${JWT} for u-1`)).toBe(`rejected token ${REDACTED} for u-1`);
    expect(redactText('header was Bearer abcdefghijklmnop')).toBe(`header was Bearer ${REDACTED}`);
    expect(redactText('cannot reach postgres://blog:s3cret@db:5432/blog_post')).toBe(
      `cannot reach postgres://blog:${REDACTED}@db:5432/blog_post`,
    );
    expect(redactText('post p-1 published')).toBe('post p-1 published');
  });

  it('survives cycles and keeps nested errors readable', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    expect(redact(cyclic)).toEqual({ name: 'loop', self: '[Circular]' });
    expect(redact({ cause: new Error(`bad ${JWT}`) })).toMatchObject({
      cause: { type: 'Error', message: `bad ${REDACTED}` },
    });
  });

  it('applies to every line the logger writes', async () => {
    const output = capturedLines();
    const logger = createLogger('auth', '1.0.0', { stream: output.stream });
    logger.info(`issued ${JWT}`, {
      request: { headers: { Authorization: `Bearer ${JWT}`, 'user-agent': 'spec' } },
      body: { login: 'ann', password: 'hunter2' },
      token: 'opaque',
    });
    logger.error('login failed', { err: new Error(`invalid token ${JWT}`) });
    const raw = JSON.stringify(await output.lines());
    expect(raw).not.toContain(JWT);
    expect(raw).not.toContain('hunter2');
    expect(raw).not.toContain('opaque');
    const [issued, failed] = await output.lines();
    expect(issued).toMatchObject({
      message: `issued ${REDACTED}`,
      request: { headers: { Authorization: REDACTED, 'user-agent': 'spec' } },
      body: { login: 'ann', password: REDACTED },
      token: REDACTED,
    });
    expect(failed).toMatchObject({ error: { message: `invalid token ${REDACTED}` } });
  });
});
