import { randomUUID } from 'node:crypto';
import { api, type ApiResponse, eventually, STACK } from '@blog/testing';
import { Client } from 'pg';

// Sign-up through the running stack: auth registers, user takes the handle (or not),
// auth activates (or rejects). Every email and handle is fresh: the stack is shared.

interface Registration {
  accountId: string;
  sagaId: string;
  status: string;
  reason?: string;
}
interface Session {
  accountId: string;
  tokenType: string;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}
interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A client address of its own per spec run, so failed logins of other runs do not count. */
const client = {
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
  api<Registration>('POST', '/api/auth/register', { body: person, headers: client });
const statusOf = (registration: Registration) =>
  api<Registration>(
    'GET',
    `/api/auth/registrations/${registration.accountId}?sagaId=${registration.sagaId}`,
  );
const settled = async (registration: Registration) =>
  (
    await eventually(
      () => statusOf(registration),
      (r) => r.body.status !== 'PENDING',
    )
  ).body;
const logIn = (email: string, password: string) =>
  api<Session & ErrorBody>('POST', '/api/auth/login', {
    body: { email, password },
    headers: client,
  });
const refresh = (refreshToken: string) =>
  api<Session & ErrorBody>('POST', '/api/auth/refresh', {
    body: { refreshToken },
    headers: client,
  });

async function signUp() {
  const person = newPerson();
  const registered = await register(person);
  expect(registered.status).toBe(202);
  expect(await settled(registered.body)).toMatchObject({ status: 'ACTIVE' });
  return { ...person, accountId: registered.body.accountId };
}

async function signedIn() {
  const person = await signUp();
  const session = await logIn(person.email, person.password);
  expect(session.status).toBe(200);
  return { person, session: session.body };
}

describe('sign-up saga through the stack', () => {
  it('signs up (202, PENDING), becomes ACTIVE, logs in, and the profile is public', async () => {
    const person = newPerson();
    const registered = await register(person);
    expect(registered.status).toBe(202);
    expect(registered.body).toEqual({
      accountId: expect.any(String),
      sagaId: expect.any(String),
      status: 'PENDING',
    });
    expect(registered.headers.get('location')).toBe(
      `/api/auth/registrations/${registered.body.accountId}?sagaId=${registered.body.sagaId}`,
    );
    expect(await settled(registered.body)).toEqual({ ...registered.body, status: 'ACTIVE' });

    const session = await logIn(person.email, person.password);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      accountId: registered.body.accountId,
      tokenType: 'Bearer',
      expiresIn: 900,
      accessToken: expect.stringMatching(/^eyJ/),
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const me = await api('GET', '/api/auth/accounts/me', { token: session.body.accessToken });
    expect(me.body).toMatchObject({ status: 'ACTIVE', roles: ['user'], email: person.email });

    const profile = await api('GET', `/api/users/${person.handle}`);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      accountId: registered.body.accountId,
      handle: person.handle,
      displayName: person.displayName,
      bio: null,
    });
  });

  it('a taken handle (in any letter case): the account is REJECTED with HANDLE_TAKEN, visible to the client', async () => {
    const first = await signUp();
    const second = newPerson(first.handle.toUpperCase());
    const registered = await register(second);
    expect(registered.status).toBe(202);
    expect(await settled(registered.body)).toMatchObject({
      status: 'REJECTED',
      reason: 'HANDLE_TAKEN',
    });
    const login = await logIn(second.email, second.password);
    expect(login.status).toBe(403);
    expect(login.body).toMatchObject({
      code: 'AUTH.ACCOUNT_REJECTED',
      details: { reason: 'HANDLE_TAKEN' },
    });
  });

  it('two concurrent sign-ups with the same handle: exactly one becomes ACTIVE', async () => {
    const handle = newHandle();
    const people = [newPerson(handle), newPerson(handle)];
    const registrations = await Promise.all(people.map(register));
    expect(registrations.map((r) => r.status)).toEqual([202, 202]);
    const outcomes = await Promise.all(registrations.map((r) => settled(r.body)));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['ACTIVE', 'REJECTED']);
    const winner = outcomes.find((o) => o.status === 'ACTIVE');
    expect(outcomes.find((o) => o.status === 'REJECTED')?.reason).toBe('HANDLE_TAKEN');
    const profile = await api('GET', `/api/users/${handle}`);
    expect(profile.body).toMatchObject({ accountId: winner?.accountId, handle });
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
      expect(registered.status).toBe(202);
      const login = await logIn(person.email, person.password);
      expect(login.status).toBe(403);
      expect(login.body).toMatchObject({ code: 'AUTH.ACCOUNT_PENDING' });
      expect((await statusOf(registered.body)).body.status).toBe('PENDING');
      await holder.query('ROLLBACK');
      expect(await settled(registered.body)).toMatchObject({ status: 'ACTIVE' });
      expect((await logIn(person.email, person.password)).status).toBe(200);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
  });

  it('refresh rotates the token; reusing a spent one revokes the session', async () => {
    const { session } = await signedIn();
    const rotated = await refresh(session.refreshToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(session.refreshToken);
    expect(rotated.body.accessToken).not.toBe(session.accessToken);
    const me = await api('GET', '/api/auth/accounts/me', { token: rotated.body.accessToken });
    expect(me.status).toBe(200);

    const reused = await refresh(session.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ code: 'AUTH.REFRESH_REUSED' });
    const afterReuse = await refresh(rotated.body.refreshToken);
    expect(afterReuse.status).toBe(401);
    expect(afterReuse.body).toMatchObject({ code: 'AUTH.REFRESH_INVALID' });
  });

  it('logout ends the session: its refresh token no longer works', async () => {
    const { session } = await signedIn();
    const anonymous = await api('POST', '/api/auth/logout', {
      body: { refreshToken: session.refreshToken },
    });
    expect(anonymous.status).toBe(401);
    const out = await api('POST', '/api/auth/logout', {
      token: session.accessToken,
      body: { refreshToken: session.refreshToken },
    });
    expect(out.status).toBe(204);
    const after = await refresh(session.refreshToken);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: 'AUTH.REFRESH_INVALID' });
  });

  it('a wrong password is 401 without saying which part was wrong', async () => {
    const person = await signUp();
    const wrongPassword = await logIn(person.email, `${person.password}x`);
    const unknownEmail = await logIn(`nobody-${randomUUID()}@example.com`, person.password);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual({
      code: 'AUTH.INVALID_CREDENTIALS',
      message: 'Email or password is incorrect',
    });
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it('a second account for one email is 409 AUTH.EMAIL_TAKEN', async () => {
    const person = await signUp();
    const again: ApiResponse<ErrorBody> = await api('POST', '/api/auth/register', {
      body: { ...newPerson(), email: person.email.toUpperCase() },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AUTH.EMAIL_TAKEN');
  });
});
