import { randomUUID } from 'node:crypto';
import { produceRecords } from '@blog/testing';
import { bootGateway, type RunningGateway } from './support/boot-gateway';
import { call } from './support/http';
import { JwksStandIn } from './support/jwks-stand-in';
import {
  eventually,
  type SagaMessage,
  secondsAfter,
  SpecTopics,
  toRecord,
} from './support/saga-traffic';
import { answer, type RecordedCall } from './support/upstream-stand-in';
import { type StandIns, startUpstreams, stopUpstreams } from './support/upstreams';

const STUCK_AFTER_MS = 2_500;

interface SagaDetail {
  saga: {
    sagaId: string;
    type: string | null;
    status: string;
    startedAt: string;
    messageCount: number;
  };
  timeline: { messageId: string; type: string; aggregateType: string; aggregateId: string }[];
  deadLetters: { service: string; sagaId: string }[];
}

// The monitor against the real Kafka and Postgres: messages are produced as Debezium
// would, to this spec's own outbox topics; a fresh database holds the projection.
describe('saga monitor', () => {
  const topics = new SpecTopics();
  let jwks: JwksStandIn;
  let upstreams: StandIns;
  let gateway: RunningGateway;
  let admin: string;
  /** Saga ids the stand-in services report an open dead letter for. */
  const deadLettered = new Set<string>();

  const deadLetterAnswer = (callMade: RecordedCall) => {
    const query = new URL(callMade.url, 'http://x').searchParams;
    // The whole list fits one page: a page after it (a cursor) is empty.
    const items = [...deadLettered]
      .filter(() => !query.has('cursor'))
      .filter((sagaId) => !query.get('sagaId') || query.get('sagaId') === sagaId)
      .filter(() => query.get('status') !== 'waiting')
      .map((sagaId, i) => ({
        id: String(i + 1),
        consumer: 'user.sign-up',
        messageId: randomUUID(),
        topic: topics.topic('account'),
        partition: 0,
        offset: '7',
        key: 'k',
        sagaId,
        status: 'failed',
        reason: 'handler-failed',
        error: 'boom',
        attempts: 5,
        createdAt: new Date().toISOString(),
      }));
    return { status: 200, body: { items, nextCursor: null } };
  };

  beforeAll(async () => {
    await topics.create(['account', 'profile', 'post', 'account.dlq']);
    jwks = await JwksStandIn.start();
    const started = await startUpstreams();
    upstreams = started.standIns;
    upstreams.user.behaviour = answer(deadLetterAnswer);
    gateway = await bootGateway({
      ...started.env,
      AUTH_JWKS_URL: jwks.url,
      SAGA_MONITOR_ENABLED: 'true',
      SAGA_MONITOR_TOPICS: topics.list(['account', 'profile', 'post', 'blog']),
      SAGA_STUCK_AFTER_MS: String(STUCK_AFTER_MS),
    });
    admin = await jwks.bearer({ sub: 'acc-admin', roles: ['user', 'admin'] });
  });
  afterAll(async () => {
    await gateway?.close();
    await stopUpstreams(upstreams);
    await jwks?.close();
  });

  const detail = async (sagaId: string) => {
    const answered = await call(gateway.url, `/admin/sagas/${sagaId}`, {
      headers: { authorization: admin },
    });
    expect(answered.status).toBe(200);
    return answered.json as SagaDetail;
  };
  const list = async (query: string) => {
    const answered = await call(gateway.url, `/admin/sagas?${query}`, {
      headers: { authorization: admin },
    });
    expect(answered.status).toBe(200);
    return (answered.json as { items: { sagaId: string; status: string }[] }).items;
  };

  const signUp = (sagaId: string, accountId: string, base: Date) => {
    const message = (type: string, second: number): SagaMessage => ({
      type,
      sagaId,
      key: accountId,
      occurredAt: secondsAfter(base, second),
      payload: { accountId },
    });
    return {
      registered: message('AccountRegistered', 0),
      profileCreated: message('ProfileCreated', 1),
      activated: message('AccountActivated', 2),
      profileRejected: message('ProfileRejected', 1),
      rejected: message('AccountRejected', 2),
    };
  };

  it('converges a sign-up produced out of order (reply and end before the start) to succeeded', async () => {
    const sagaId = randomUUID();
    const accountId = randomUUID();
    const base = new Date(Date.now() - 60_000);
    const saga = signUp(sagaId, accountId, base);

    await topics.produce('account', [saga.activated]);
    await eventually(async () => expect((await detail(sagaId)).timeline).toHaveLength(1));
    await topics.produce('profile', [saga.profileCreated]);
    await eventually(async () => expect((await detail(sagaId)).timeline).toHaveLength(2));
    await topics.produce('account', [saga.registered]);

    const converged = await eventually(async () => {
      const seen = await detail(sagaId);
      expect(seen.timeline).toHaveLength(3);
      return seen;
    });
    expect(converged.saga).toMatchObject({
      sagaId,
      type: 'sign-up',
      status: 'succeeded',
      startedAt: base.toISOString(),
      messageCount: 3,
    });
    expect(
      converged.timeline.map((entry) => [entry.type, entry.aggregateType, entry.aggregateId]),
    ).toEqual([
      ['AccountRegistered', topics.aggregateType('account'), accountId],
      ['ProfileCreated', topics.aggregateType('profile'), accountId],
      ['AccountActivated', topics.aggregateType('account'), accountId],
    ]);
  });

  it('converges a rejected sign-up to compensated', async () => {
    const sagaId = randomUUID();
    const saga = signUp(sagaId, randomUUID(), new Date(Date.now() - 60_000));
    await topics.produce('account', [saga.rejected, saga.registered]);
    await topics.produce('profile', [saga.profileRejected]);
    await eventually(async () => {
      const seen = await detail(sagaId);
      expect(seen.saga).toMatchObject({ type: 'sign-up', status: 'compensated', messageCount: 3 });
    });
  });

  it('changes nothing when messages are delivered again', async () => {
    const sagaId = randomUUID();
    const accountId = randomUUID();
    const saga = signUp(sagaId, accountId, new Date(Date.now() - 60_000));
    const withIds = Object.fromEntries(
      Object.entries(saga).map(([name, message]) => [name, { ...message, id: randomUUID() }]),
    ) as typeof saga;
    await topics.produce('account', [withIds.registered, withIds.activated]);
    await topics.produce('profile', [withIds.profileCreated]);
    const before = await eventually(async () => {
      const seen = await detail(sagaId);
      expect(seen.saga.messageCount).toBe(3);
      return seen;
    });

    // The same messages again, then a sentinel behind them on the same keys and partitions.
    const sentinel = randomUUID();
    const marker = (type: string): SagaMessage => ({
      type,
      sagaId: sentinel,
      key: accountId,
      occurredAt: new Date(),
    });
    await produceRecords(topics.topic('account'), [
      toRecord(withIds.registered),
      toRecord(withIds.activated),
      toRecord(withIds.registered),
      toRecord(marker('AccountRegistered')),
    ]);
    await produceRecords(topics.topic('profile'), [
      toRecord(withIds.profileCreated),
      toRecord(marker('ProfileCreated')),
    ]);
    await eventually(async () => expect((await detail(sentinel)).saga.messageCount).toBe(2));

    expect(await detail(sagaId)).toEqual(before);
    const pool = gateway.database.pool();
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM saga_messages WHERE saga_id = $1`,
      [sagaId],
    );
    expect(rows[0]?.n).toBe(3);
  });

  it('shows a started saga with no progress as stuck once the threshold has passed', async () => {
    const sagaId = randomUUID();
    const postId = randomUUID();
    await topics.produce('post', [
      { type: 'PublishRequested', sagaId, key: postId, occurredAt: new Date() },
    ]);
    await eventually(async () => {
      expect((await detail(sagaId)).saga).toMatchObject({
        type: 'publish-post',
        status: 'running',
      });
    });
    expect((await list('status=running')).map((item) => item.sagaId)).toContain(sagaId);

    await eventually(async () => {
      expect((await detail(sagaId)).saga.status).toBe('stuck');
    }, STUCK_AFTER_MS * 3);
    expect((await list('status=stuck')).map((item) => item.sagaId)).toContain(sagaId);
    expect((await list('status=running')).map((item) => item.sagaId)).not.toContain(sagaId);
  });

  it('shows a saga a service holds a dead letter for as failed, with the dead letter', async () => {
    const sagaId = randomUUID();
    const saga = signUp(sagaId, randomUUID(), new Date());
    await topics.produce('account', [saga.registered]);
    await eventually(async () => expect((await detail(sagaId)).saga.status).toBe('running'));

    deadLettered.add(sagaId);
    const seen = await detail(sagaId);
    expect(seen.saga.status).toBe('failed');
    expect(seen.deadLetters).toEqual([expect.objectContaining({ service: 'user', sagaId })]);
    expect((await list('status=failed')).map((item) => item.sagaId)).toEqual([sagaId]);
    expect((await list('status=running')).map((item) => item.sagaId)).not.toContain(sagaId);
    expect(upstreams.user.calls.at(-1)?.headers['authorization']).toBe(admin);
  });

  it('reads a configured topic that did not exist when it started, and no other topic', async () => {
    const ignored = randomUUID();
    await topics.produce('account.dlq', [
      { type: 'AccountRegistered', sagaId: ignored, key: randomUUID(), occurredAt: new Date() },
    ]);
    // Nobody had written to the blog topic: the monitor created it when it started.
    const sagaId = randomUUID();
    await topics.produce('blog', [
      { type: 'BlogDeletionRequested', sagaId, key: randomUUID(), occurredAt: new Date() },
    ]);
    await eventually(async () => {
      expect((await detail(sagaId)).saga).toMatchObject({ type: 'delete-blog', status: 'running' });
    });
    const missing = await call(gateway.url, `/admin/sagas/${ignored}`, {
      headers: { authorization: admin },
    });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ code: 'ADMIN.SAGA_NOT_FOUND' });
  });
});
