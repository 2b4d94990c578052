import { randomUUID } from 'node:crypto';
import { bearer, client, eventually, STACK } from '@blog/testing';
import { Client } from 'pg';

// Sign-up through the running stack: auth registers, user takes the handle (or not),
// auth activates (or rejects). Every email and handle is fresh: the stack is shared.

interface Registration {
  accountId: string;
  sagaId: string;
}

/** A client address of its own per spec run, so failed logins of other runs do not count. */
const clientAddress = {
  'x-forwarded-for': `198.18.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`,
};
const newHandle = () => `e2e_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
const newPerson = (handle = newHandle()) => ({
  email: `${randomUUID()}@example.com`,
  password: `pw ${randomUUID()}`,
  handle,
  displayName: `Person ${handle}`,
});

const register = (person: ReturnType<typeof newPerson>) =>
  client.POST('/api/auth/register', { body: person, headers: clientAddress });
/** The registration a 202 named (empty ids otherwise, which no poll finds). */
const idsOf = (registered: Awaited<ReturnType<typeof register>>): Registration => ({
  accountId: registered.data?.accountId ?? '',
  sagaId: registered.data?.sagaId ?? '',
});
const statusOf = ({ accountId, sagaId }: Registration) =>
  client.GET('/api/auth/registrations/{accountId}', {
    params: { path: { accountId }, query: { sagaId } },
  });
const settled = async (registration: Registration) =>
  (
    await eventually(
      () => statusOf(registration),
      (r) => r.data?.status !== 'PENDING',
    )
  ).data;
const logIn = (email: string, password: string) =>
  client.POST('/api/auth/login', { body: { email, password }, headers: clientAddress });
const refresh = (refreshToken: string) =>
  client.POST('/api/auth/refresh', { body: { refreshToken }, headers: clientAddress });

async function signUp() {
  const person = newPerson();
  const registered = await register(person);
  expect(registered.response.status).toBe(202);
  expect(await settled(idsOf(registered))).toMatchObject({ status: 'ACTIVE' });
  return { ...person, accountId: idsOf(registered).accountId };
}

async function signedIn() {
  const person = await signUp();
  const session = await logIn(person.email, person.password);
  expect(session.response.status).toBe(200);
  if (!session.data) throw new Error(`login answered ${JSON.stringify(session.error)}`);
  return { person, session: session.data };
}

const profileOf = (handle: string) =>
  client.GET('/api/users/{handle}', { params: { path: { handle } } });

describe('sign-up saga through the stack', () => {
  it('signs up (202, PENDING), becomes ACTIVE, logs in, and the profile is public', async () => {
    const person = newPerson();
    const registered = await register(person);
    expect(registered.response.status).toBe(202);
    expect(registered.data).toEqual({
      accountId: expect.any(String),
      sagaId: expect.any(String),
      status: 'PENDING',
    });
    const { accountId, sagaId } = idsOf(registered);
    expect(registered.response.headers.get('location')).toBe(
      `/api/auth/registrations/${accountId}?sagaId=${sagaId}`,
    );
    expect(await settled({ accountId, sagaId })).toEqual({
      ...registered.data,
      status: 'ACTIVE',
    });

    const session = await logIn(person.email, person.password);
    expect(session.response.status).toBe(200);
    expect(session.data).toMatchObject({
      accountId,
      tokenType: 'Bearer',
      expiresIn: 900,
      accessToken: expect.stringMatching(/^eyJ/),
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const me = await client.GET('/api/auth/accounts/me', {
      headers: bearer(session.data?.accessToken ?? ''),
    });
    expect(me.data).toMatchObject({ status: 'ACTIVE', roles: ['user'], email: person.email });

    const profile = await profileOf(person.handle);
    expect(profile.response.status).toBe(200);
    expect(profile.data).toMatchObject({
      accountId,
      handle: person.handle,
      displayName: person.displayName,
      bio: null,
    });
  });

  it('a taken handle (in any letter case): the account is REJECTED with HANDLE_TAKEN, visible to the client', async () => {
    const first = await signUp();
    const second = newPerson(first.handle.toUpperCase());
    const registered = await register(second);
    expect(registered.response.status).toBe(202);
    expect(await settled(idsOf(registered))).toMatchObject({
      status: 'REJECTED',
      reason: 'HANDLE_TAKEN',
    });
    const login = await logIn(second.email, second.password);
    expect(login.response.status).toBe(403);
    expect(login.error).toMatchObject({
      code: 'AUTH.ACCOUNT_REJECTED',
      details: { reason: 'HANDLE_TAKEN' },
    });
  });

  it('two concurrent sign-ups with the same handle: exactly one becomes ACTIVE', async () => {
    const handle = newHandle();
    const people = [newPerson(handle), newPerson(handle)];
    const registrations = await Promise.all(people.map(register));
    expect(registrations.map((r) => r.response.status)).toEqual([202, 202]);
    const outcomes = await Promise.all(registrations.map((r) => settled(idsOf(r))));
    expect(outcomes.map((o) => o?.status).sort()).toEqual(['ACTIVE', 'REJECTED']);
    const winner = outcomes.find((o) => o?.status === 'ACTIVE');
    expect(outcomes.find((o) => o?.status === 'REJECTED')?.reason).toBe('HANDLE_TAKEN');
    const profile = await profileOf(handle);
    expect(profile.data).toMatchObject({ accountId: winner?.accountId, handle });
  });

  it('refuses login while the sign-up is pending, with AUTH.ACCOUNT_PENDING', async () => {
    const person = newPerson();
    // Holds the handle in the user service's read model, uncommitted: its sign-up step
    // waits on the unique index, so the account stays PENDING for as long as we need.
    const holder = new Client({ connectionString: STACK.serviceDatabaseUrl('user') });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(
        `INSERT INTO profiles (account_id, handle, display_name, status, version, created_at, updated_at)
         VALUES ($1, $2, 'hold', 'ACTIVE', 1, now(), now())`,
        [randomUUID(), person.handle],
      );
      const registered = await register(person);
      expect(registered.response.status).toBe(202);
      const login = await logIn(person.email, person.password);
      expect(login.response.status).toBe(403);
      expect(login.error).toMatchObject({ code: 'AUTH.ACCOUNT_PENDING' });
      expect((await statusOf(idsOf(registered))).data?.status).toBe('PENDING');
      await holder.query('ROLLBACK');
      expect(await settled(idsOf(registered))).toMatchObject({ status: 'ACTIVE' });
      expect((await logIn(person.email, person.password)).response.status).toBe(200);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
  });

  it('refresh rotates the token; reusing a spent one revokes the session', async () => {
    const { session } = await signedIn();
    const rotated = await refresh(session.refreshToken);
    expect(rotated.response.status).toBe(200);
    expect(rotated.data?.refreshToken).not.toBe(session.refreshToken);
    expect(rotated.data?.accessToken).not.toBe(session.accessToken);
    const me = await client.GET('/api/auth/accounts/me', {
      headers: bearer(rotated.data?.accessToken ?? ''),
    });
    expect(me.response.status).toBe(200);

    const reused = await refresh(session.refreshToken);
    expect(reused.response.status).toBe(401);
    expect(reused.error).toMatchObject({ code: 'AUTH.REFRESH_REUSED' });
    const afterReuse = await refresh(rotated.data?.refreshToken ?? '');
    expect(afterReuse.response.status).toBe(401);
    expect(afterReuse.error).toMatchObject({ code: 'AUTH.REFRESH_INVALID' });
  });

  it('logout ends the session: its refresh token no longer works', async () => {
    const { session } = await signedIn();
    const anonymous = await client.POST('/api/auth/logout', {
      body: { refreshToken: session.refreshToken },
    });
    expect(anonymous.response.status).toBe(401);
    const out = await client.POST('/api/auth/logout', {
      headers: bearer(session.accessToken),
      body: { refreshToken: session.refreshToken },
    });
    expect(out.response.status).toBe(204);
    const after = await refresh(session.refreshToken);
    expect(after.response.status).toBe(401);
    expect(after.error).toMatchObject({ code: 'AUTH.REFRESH_INVALID' });
  });

  it('a wrong password is 401 without saying which part was wrong', async () => {
    const person = await signUp();
    const wrongPassword = await logIn(person.email, `${person.password}x`);
    const unknownEmail = await logIn(`nobody-${randomUUID()}@example.com`, person.password);
    expect(wrongPassword.response.status).toBe(401);
    expect(unknownEmail.response.status).toBe(401);
    expect(wrongPassword.error).toEqual({
      code: 'AUTH.INVALID_CREDENTIALS',
      message: 'Email or password is incorrect',
    });
    expect(unknownEmail.error).toEqual(wrongPassword.error);
  });

  it('a second account for one email is 409 AUTH.EMAIL_TAKEN', async () => {
    const person = await signUp();
    const again = await client.POST('/api/auth/register', {
      body: { ...newPerson(), email: person.email.toUpperCase() },
    });
    expect(again.response.status).toBe(409);
    expect(again.error?.code).toBe('AUTH.EMAIL_TAKEN');
  });
});
