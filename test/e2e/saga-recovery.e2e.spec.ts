import {
  bearer,
  client,
  eventually,
  inDatabase,
  mintAccessToken,
  newPerson,
  type Registration,
  signUp,
  stackCommand,
} from '@blog/testing';

// Sagas that meet trouble on the real stack: a participant that is down, and a message a
// participant cannot apply until an operator has fixed the cause and replayed the saga.

const registrationOf = (accountId: string, sagaId: string) =>
  client.GET('/api/auth/registrations/{accountId}', {
    params: { path: { accountId }, query: { sagaId } },
  });

/** Registers, and expects the 202 that names the account and the saga. */
async function register(person: ReturnType<typeof newPerson>): Promise<Registration> {
  const response = await client.POST('/api/auth/register', { body: person });
  expect(response.response.status).toBe(202);
  if (!response.data) throw new Error(`register answered ${JSON.stringify(response.error)}`);
  return response.data;
}

const sagaOf = (sagaId: string, admin: string) =>
  client.GET('/admin/sagas/{sagaId}', { params: { path: { sagaId } }, headers: bearer(admin) });

/** What the sign-up left behind: user's profile rows and events, auth's account events. */
const effectsOf = async (accountId: string, handle: string) => ({
  profiles: await inDatabase('user', async (db) => {
    const { rows } = await db.query<{ n: string }>(
      'SELECT count(*) AS n FROM profiles WHERE lower(handle) = lower($1)',
      [handle],
    );
    return Number(rows[0]?.n);
  }),
  userEvents: await inDatabase('user', async (db) => {
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM events WHERE stream_id LIKE '%' || $1`,
      [accountId],
    );
    return Number(rows[0]?.n);
  }),
  authEvents: await inDatabase('auth', async (db) => {
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM events WHERE stream_id LIKE '%' || $1`,
      [accountId],
    );
    return Number(rows[0]?.n);
  }),
});

describe('sagas recover from a participant that is down or failing', () => {
  it('a sign-up started while user is down completes once user is back', async () => {
    await stackCommand('scripts/stack.sh', ['stop', 'user']);
    let registered: Registration;
    try {
      registered = await register(newPerson());
      // Nobody answers for a while: the account waits, PENDING, for its profile.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect((await registrationOf(registered.accountId, registered.sagaId)).data?.status).toBe(
        'PENDING',
      );
    } finally {
      await stackCommand('scripts/stack.sh', ['start', 'user']);
    }
    const settled = await eventually(
      () => registrationOf(registered.accountId, registered.sagaId),
      (answer) => answer.data?.status !== 'PENDING',
    );
    expect(settled.data?.status).toBe('ACTIVE');
  });

  it('a sign-up stuck on a dead letter completes when an admin replays it; a second replay changes nothing', async () => {
    const admin = await mintAccessToken({ accountId: crypto.randomUUID(), roles: ['admin'] });
    const person = newPerson(`poison_${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`);
    // The fault: user's database refuses this one profile (as a full disk or a bad
    // migration would), so every try fails and the message is dead-lettered.
    const trigger = `reject_${person.handle}`;
    await inDatabase('user', (db) =>
      db.query(`
        CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.handle = '${person.handle}' THEN RAISE EXCEPTION 'injected fault'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER ${trigger} BEFORE INSERT ON profiles
          FOR EACH ROW EXECUTE FUNCTION ${trigger}();`),
    );
    let registered: Registration;
    try {
      registered = await register(person);
      const failed = await eventually(
        () => sagaOf(registered.sagaId, admin),
        (saga) => saga.response.status === 200 && (saga.data?.deadLetters.length ?? 0) > 0,
      );
      expect(failed.data?.saga.status).toBe('failed');
      expect(failed.data?.deadLetters[0]?.error).toContain('injected fault');
      expect((await registrationOf(registered.accountId, registered.sagaId)).data?.status).toBe(
        'PENDING',
      );
    } finally {
      await inDatabase('user', (db) =>
        db.query(
          `DROP TRIGGER IF EXISTS ${trigger} ON profiles; DROP FUNCTION IF EXISTS ${trigger}();`,
        ),
      );
    }

    const replay = () =>
      client.POST('/admin/sagas/{sagaId}/replay', {
        params: { path: { sagaId: registered.sagaId } },
        headers: bearer(admin),
      });
    const first = await replay();
    expect(first.response.status).toBe(200);
    expect(first.data?.redriven).toBeGreaterThanOrEqual(1);
    expect(first.data?.services.every((service) => service.ok)).toBe(true);
    const done = await eventually(
      () => registrationOf(registered.accountId, registered.sagaId),
      (answer) => answer.data?.status !== 'PENDING',
    );
    expect(done.data?.status).toBe('ACTIVE');
    await eventually(
      () => sagaOf(registered.sagaId, admin),
      (saga) => saga.data?.saga.status === 'succeeded',
    );
    const once = await effectsOf(registered.accountId, person.handle);
    expect(once.profiles).toBe(1);

    // The second replay re-publishes every message of the saga again (same ids): the
    // inboxes take none of them twice.
    const second = await replay();
    expect(second.response.status).toBe(200);
    expect(second.data?.republished).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await effectsOf(registered.accountId, person.handle)).toEqual(once);
    expect((await signUp(newPerson(person.handle))).status).toBe('REJECTED');
  });
});
