import { randomUUID } from 'node:crypto';
import { api, eventually, mintAccessToken } from '@blog/testing';

// Profiles: public reads, edits by their owner only, optimistic concurrency via If-Match.

interface Profile {
  accountId: string;
  handle: string;
  displayName: string;
  bio: string | null;
  version: number;
}

async function signedIn() {
  const handle = `e2e_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const person = {
    email: `${randomUUID()}@example.com`,
    password: `pw ${randomUUID()}`,
    handle,
    displayName: 'Profile Person',
  };
  const registered = await api<{ accountId: string; sagaId: string }>(
    'POST',
    '/api/auth/register',
    { body: person },
  );
  const { accountId, sagaId } = registered.body;
  await eventually(
    () => api<{ status: string }>('GET', `/api/auth/registrations/${accountId}?sagaId=${sagaId}`),
    (response) => response.body.status === 'ACTIVE',
  );
  const session = await api<{ accessToken: string }>('POST', '/api/auth/login', {
    body: { email: person.email, password: person.password },
  });
  return { person, accountId, token: session.body.accessToken };
}

describe('profiles through the stack', () => {
  it('anyone reads a profile, by its handle in any letter case, with its version as ETag', async () => {
    const { person, accountId } = await signedIn();
    const profile = await api<Profile>('GET', `/api/users/${person.handle.toUpperCase()}`);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({ accountId, handle: person.handle, version: 1 });
    expect(profile.headers.get('etag')).toBe('"1"');
    const missing = await api('GET', `/api/users/nobody_${randomUUID().slice(0, 8)}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'USER.NOT_FOUND' });
  });

  it('the owner edits display name and bio; a stale If-Match is refused with 409', async () => {
    const { person, token } = await signedIn();
    const edited = await api<Profile>('PATCH', `/api/users/${person.handle}`, {
      token,
      headers: { 'if-match': '"1"' },
      body: { displayName: 'New Name', bio: 'Writes about\nowls' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      displayName: 'New Name',
      bio: 'Writes about\nowls',
      version: 2,
    });
    expect(edited.headers.get('etag')).toBe('"2"');

    const stale = await api('PATCH', `/api/users/${person.handle}`, {
      token,
      headers: { 'if-match': '"1"' },
      body: { bio: 'lost update' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONCURRENCY' });
    expect((await api<Profile>('GET', `/api/users/${person.handle}`)).body.bio).toBe(
      'Writes about\nowls',
    );
  });

  it('refuses edits by anyone but the owner (403) and by nobody (401)', async () => {
    const { person } = await signedIn();
    const stranger = await mintAccessToken({ accountId: randomUUID() });
    const forbidden = await api('PATCH', `/api/users/${person.handle}`, {
      token: stranger,
      body: { displayName: 'Mallory' },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ code: 'USER.NOT_OWNER' });
    const anonymous = await api('PATCH', `/api/users/${person.handle}`, {
      body: { displayName: 'Mallory' },
    });
    expect(anonymous.status).toBe(401);
    expect((await api<Profile>('GET', `/api/users/${person.handle}`)).body.displayName).toBe(
      'Profile Person',
    );
  });

  it('validates edits: bio up to 500 characters, display name 1 to 100, nothing else', async () => {
    const { person, token } = await signedIn();
    for (const body of [
      { bio: 'x'.repeat(501) },
      { displayName: '' },
      { displayName: 'y'.repeat(101) },
      { handle: 'new_handle' },
      {},
    ]) {
      const refused = await api('PATCH', `/api/users/${person.handle}`, { token, body });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'USER.INVALID_INPUT' });
    }
  });
});
