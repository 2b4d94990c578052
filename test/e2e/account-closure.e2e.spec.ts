import { randomUUID } from 'node:crypto';
import { bearer, client, eventually, signUp } from '@blog/testing';

// Close-account through the stack: auth (initiator) → user anonymises the profile, blog
// deletes the account's blogs, subscribe removes its subscriptions, visitor anonymises
// its visits → auth CLOSED.

async function signedIn() {
  const handle = `e2e_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const person = {
    email: `${randomUUID()}@example.com`,
    password: `pw ${randomUUID()}`,
    handle,
    displayName: 'Closing Person',
  };
  const registered = await client.POST('/api/auth/register', { body: person });
  expect(registered.response.status).toBe(202);
  const accountId = registered.data?.accountId ?? '';
  const sagaId = registered.data?.sagaId ?? '';
  await eventually(
    () =>
      client.GET('/api/auth/registrations/{accountId}', {
        params: { path: { accountId }, query: { sagaId } },
      }),
    (answer) => answer.data?.status === 'ACTIVE',
  );
  const session = await client.POST('/api/auth/login', {
    body: { email: person.email, password: person.password },
  });
  expect(session.response.status).toBe(200);
  if (!session.data) throw new Error(`login answered ${JSON.stringify(session.error)}`);
  return { person, session: session.data };
}

const profileOf = (handle: string) =>
  client.GET('/api/users/{handle}', { params: { path: { handle } } });
const closeAccount = (accessToken: string) =>
  client.POST('/api/auth/accounts/me/close', { headers: bearer(accessToken) });

describe('close-account saga through the stack', () => {
  it('closes an account: 202, LOCKED while closing, sessions ended, profile anonymised, then CLOSED', async () => {
    const { person, session } = await signedIn();
    const edited = await client.PATCH('/api/users/{handle}', {
      params: { path: { handle: person.handle } },
      headers: bearer(session.accessToken),
      body: { bio: 'personal details to be erased' },
    });
    expect(edited.response.status).toBe(200);

    const closing = await closeAccount(session.accessToken);
    expect(closing.response.status).toBe(202);
    expect(closing.data).toEqual({
      accountId: session.accountId,
      sagaId: expect.any(String),
      status: 'CLOSING',
    });

    const again = await closeAccount(session.accessToken);
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({
      code: 'LOCKED',
      details: { sagaId: closing.data?.sagaId, sagaType: 'close-account' },
    });
    const refreshed = await client.POST('/api/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(refreshed.response.status).toBe(401);

    await eventually(
      () => profileOf(person.handle),
      (answer) => answer.response.status === 404,
    );
    const closed = await eventually(
      () => client.GET('/api/auth/accounts/me', { headers: bearer(session.accessToken) }),
      (answer) => answer.data?.status === 'CLOSED',
      60_000,
    );
    expect(closed.data).toMatchObject({ closureSagaId: closing.data?.sagaId });

    const login = await client.POST('/api/auth/login', {
      body: { email: person.email, password: person.password },
    });
    expect(login.response.status).toBe(403);
    expect(login.error).toMatchObject({ code: 'AUTH.ACCOUNT_CLOSED' });
  });

  it('frees the handle of a closed account for someone else', async () => {
    const { person, session } = await signedIn();
    await closeAccount(session.accessToken);
    await eventually(
      () => profileOf(person.handle),
      (answer) => answer.response.status === 404,
    );
    // signUp registers and polls until the registration is no longer PENDING.
    const outcome = await signUp({
      email: `${randomUUID()}@example.com`,
      password: `pw ${randomUUID()}`,
      handle: person.handle,
      displayName: 'Next Person',
    });
    expect(outcome.status).toBe('ACTIVE');
  });
});
