import { randomUUID } from 'node:crypto';
import { api, bearer, client, logIn, mintAccessToken, signUp } from '@blog/testing';

// Profiles: public reads, edits by their owner only, optimistic concurrency via If-Match.

async function signedIn() {
  const handle = `e2e_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  const person = {
    email: `${randomUUID()}@example.com`,
    password: `pw ${randomUUID()}`,
    handle,
    displayName: 'Profile Person',
  };
  const { accountId, status } = await signUp(person);
  expect(status).toBe('ACTIVE');
  const session = await logIn(person);
  return { person, accountId, token: session.accessToken };
}

const profileOf = (handle: string) =>
  client.GET('/api/users/{handle}', { params: { path: { handle } } });

describe('profiles through the stack', () => {
  it('anyone reads a profile, by its handle in any letter case, with its version as ETag', async () => {
    const { person, accountId } = await signedIn();
    const profile = await profileOf(person.handle.toUpperCase());
    expect(profile.response.status).toBe(200);
    expect(profile.data).toMatchObject({ accountId, handle: person.handle, version: 1 });
    expect(profile.response.headers.get('etag')).toBe('"1"');
    const missing = await profileOf(`nobody_${randomUUID().slice(0, 8)}`);
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 'USER.NOT_FOUND' });
  });

  it('the owner edits display name and bio; a stale If-Match is refused with 409', async () => {
    const { person, token } = await signedIn();
    const edited = await client.PATCH('/api/users/{handle}', {
      params: { path: { handle: person.handle }, header: { 'if-match': '"1"' } },
      headers: bearer(token),
      body: { displayName: 'New Name', bio: 'Writes about\nowls' },
    });
    expect(edited.response.status).toBe(200);
    expect(edited.data).toMatchObject({
      displayName: 'New Name',
      bio: 'Writes about\nowls',
      version: 2,
    });
    expect(edited.response.headers.get('etag')).toBe('"2"');

    const stale = await client.PATCH('/api/users/{handle}', {
      params: { path: { handle: person.handle }, header: { 'if-match': '"1"' } },
      headers: bearer(token),
      body: { bio: 'lost update' },
    });
    expect(stale.response.status).toBe(409);
    expect(stale.error).toMatchObject({ code: 'CONCURRENCY' });
    expect((await profileOf(person.handle)).data?.bio).toBe('Writes about\nowls');
  });

  it('refuses edits by anyone but the owner (403) and by nobody (401)', async () => {
    const { person } = await signedIn();
    const stranger = await mintAccessToken({ accountId: randomUUID() });
    const params = { path: { handle: person.handle } };
    const forbidden = await client.PATCH('/api/users/{handle}', {
      params,
      headers: bearer(stranger),
      body: { displayName: 'Mallory' },
    });
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.error).toMatchObject({ code: 'USER.NOT_OWNER' });
    const anonymous = await client.PATCH('/api/users/{handle}', {
      params,
      body: { displayName: 'Mallory' },
    });
    expect(anonymous.response.status).toBe(401);
    expect((await profileOf(person.handle)).data?.displayName).toBe('Profile Person');
  });

  it('validates edits: bio up to 500 characters, display name 1 to 100, nothing else', async () => {
    const { person, token } = await signedIn();
    // Bodies the document refuses (too long, empty, an unknown member), so through api().
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
