import { randomUUID } from 'node:crypto';
import { api, eventually } from '@blog/testing';

// Close-account through the stack: auth (initiator) → user anonymises the profile, blog
// deletes the account's blogs, subscribe removes its subscriptions, visitor anonymises
// its visits → auth CLOSED.

interface Session {
  accountId: string;
  accessToken: string;
  refreshToken: string;
}

async function signedIn() {
  const handle = `e2e_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const person = {
    email: `${randomUUID()}@example.com`,
    password: `pw ${randomUUID()}`,
    handle,
    displayName: 'Closing Person',
  };
  const registered = await api<{ accountId: string; sagaId: string; status: string }>(
    'POST',
    '/api/auth/register',
    { body: person },
  );
  expect(registered.status).toBe(202);
  const { accountId, sagaId } = registered.body;
  await eventually(
    () => api<{ status: string }>('GET', `/api/auth/registrations/${accountId}?sagaId=${sagaId}`),
    (response) => response.body.status === 'ACTIVE',
  );
  const session = await api<Session>('POST', '/api/auth/login', {
    body: { email: person.email, password: person.password },
  });
  expect(session.status).toBe(200);
  return { person, session: session.body };
}

describe('close-account saga through the stack', () => {
  it('closes an account: 202, LOCKED while closing, sessions ended, profile anonymised, then CLOSED', async () => {
    const { person, session } = await signedIn();
    const edited = await api('PATCH', `/api/users/${person.handle}`, {
      token: session.accessToken,
      body: { bio: 'personal details to be erased' },
    });
    expect(edited.status).toBe(200);

    const closing = await api<{ accountId: string; sagaId: string; status: string }>(
      'POST',
      '/api/auth/accounts/me/close',
      { token: session.accessToken },
    );
    expect(closing.status).toBe(202);
    expect(closing.body).toEqual({
      accountId: session.accountId,
      sagaId: expect.any(String),
      status: 'CLOSING',
    });

    const again = await api('POST', '/api/auth/accounts/me/close', { token: session.accessToken });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'LOCKED',
      details: { sagaId: closing.body.sagaId, sagaType: 'close-account' },
    });
    const refreshed = await api('POST', '/api/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(refreshed.status).toBe(401);

    await eventually(
      () => api('GET', `/api/users/${person.handle}`),
      (response) => response.status === 404,
    );
    const closed = await eventually(
      () => api<{ status: string }>('GET', '/api/auth/accounts/me', { token: session.accessToken }),
      (response) => response.body.status === 'CLOSED',
      60_000,
    );
    expect(closed.body).toMatchObject({ closureSagaId: closing.body.sagaId });

    const login = await api('POST', '/api/auth/login', {
      body: { email: person.email, password: person.password },
    });
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({ code: 'AUTH.ACCOUNT_CLOSED' });
  });

  it('frees the handle of a closed account for someone else', async () => {
    const { person, session } = await signedIn();
    await api('POST', '/api/auth/accounts/me/close', { token: session.accessToken });
    await eventually(
      () => api('GET', `/api/users/${person.handle}`),
      (response) => response.status === 404,
    );
    const next = await api<{ accountId: string; sagaId: string }>('POST', '/api/auth/register', {
      body: {
        email: `${randomUUID()}@example.com`,
        password: `pw ${randomUUID()}`,
        handle: person.handle,
        displayName: 'Next Person',
      },
    });
    const outcome = await eventually(
      () =>
        api<{ status: string }>(
          'GET',
          `/api/auth/registrations/${next.body.accountId}?sagaId=${next.body.sagaId}`,
        ),
      (response) => response.body.status !== 'PENDING',
    );
    expect(outcome.body.status).toBe('ACTIVE');
  });
});
