import { OUTBOX_SERVICES, type ServiceName } from '@blog/chassis';
import { rowsOf } from '@blog/testing';
import { awaitConsumersCaughtUp } from './consumer-groups';
import type { LoadResult } from './saga-load';

export interface Reconciliation {
  readonly signUps: Readonly<Record<string, number>>;
  readonly publications: Readonly<Record<string, number>>;
  /** Facts two services disagree on, or effects that happened twice. */
  readonly problems: readonly string[];
}

const countBy = (rows: readonly { status: string }[]) =>
  rows.reduce<Record<string, number>>((totals, { status }) => {
    totals[status] = (totals[status] ?? 0) + 1;
    return totals;
  }, {});

/** Waits until every saga of the load has ended in its initiator (no PENDING/PUBLISHING). */
export async function awaitTerminal(load: LoadResult, timeoutMs: number): Promise<void> {
  const accounts = load.signUps.map((s) => s.accountId);
  const posts = load.publications.map((p) => p.postId);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [open] = await rowsOf<{ n: string }>(
      'auth',
      `SELECT count(*) AS n FROM accounts WHERE account_id = ANY($1) AND status = 'PENDING'`,
      [accounts],
    );
    const [publishing] = await rowsOf<{ n: string }>(
      'post',
      `SELECT count(*) AS n FROM posts WHERE post_id = ANY($1) AND status = 'PUBLISHING'`,
      [posts],
    );
    if (Number(open?.n) === 0 && Number(publishing?.n) === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`not terminal: ${open?.n} sign-ups pending, ${publishing?.n} publishing`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Reconciles once the pipeline has settled. Consumer lag alone cannot tell: a row committed
 * just before the check may still be on its way through Debezium (after a Postgres restart
 * its connector reconnects with a backoff of seconds), so lag 0 can come before the record
 * is in Kafka, and a reconciliation read then reported a PostPublished that two consumers
 * applied three seconds later as missing. The services agree eventually or not at all: an
 * effect that is lost or doubled never goes away, so the last report names it.
 */
export async function reconcileSettled(
  load: LoadResult,
  subscriberId: string,
  timeoutMs: number,
): Promise<Reconciliation> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await awaitConsumersCaughtUp(Math.max(1_000, deadline - Date.now()));
    const report = await reconcile(load, subscriberId);
    if (report.problems.length === 0 || Date.now() > deadline) return report;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/**
 * Reconciles the load across services, from their own databases: what the initiator
 * decided must be what every participant did, exactly once.
 */
async function reconcile(load: LoadResult, subscriberId: string): Promise<Reconciliation> {
  const problems: string[] = [];
  const accounts = load.signUps.map((s) => s.accountId);
  const posts = load.publications.map((p) => p.postId);
  const sagas = [...load.signUps.map((s) => s.sagaId), ...load.publications.map((p) => p.sagaId)];

  const auth = await rowsOf<{ account_id: string; status: string }>(
    'auth',
    'SELECT account_id, status FROM accounts WHERE account_id = ANY($1)',
    [accounts],
  );
  const profiles = new Set(
    (
      await rowsOf<{ account_id: string }>(
        'user',
        `SELECT account_id FROM profiles WHERE account_id = ANY($1) AND status = 'ACTIVE'`,
        [accounts],
      )
    ).map((row) => row.account_id),
  );
  for (const { account_id: id, status } of auth) {
    if ((status === 'ACTIVE') !== profiles.has(id)) {
      problems.push(
        `account ${id} is ${status} in auth, profile active in user: ${profiles.has(id)}`,
      );
    }
  }
  if (auth.length !== accounts.length)
    problems.push(`auth has ${auth.length}/${accounts.length} accounts`);

  const postRows = await rowsOf<{ post_id: string; status: string }>(
    'post',
    'SELECT post_id, status FROM posts WHERE post_id = ANY($1)',
    [posts],
  );
  const fed = new Set(
    (
      await rowsOf<{ post_id: string }>(
        'subscribe',
        'SELECT post_id FROM feed_entries WHERE subscriber_id = $1 AND post_id = ANY($2)',
        [subscriberId, posts],
      )
    ).map((row) => row.post_id),
  );
  const counted = new Set(
    (
      await rowsOf<{ post_id: string }>(
        'visitor',
        `SELECT post_id FROM visit_posts WHERE post_id = ANY($1) AND status = 'open'`,
        [posts],
      )
    ).map((row) => row.post_id),
  );
  for (const { post_id: id, status } of postRows) {
    const published = status === 'PUBLISHED';
    if (published !== fed.has(id)) problems.push(`post ${id} ${status}, in feed: ${fed.has(id)}`);
    if (published !== counted.has(id)) {
      problems.push(`post ${id} ${status}, counters open: ${counted.has(id)}`);
    }
  }

  problems.push(...(await doubleEffects(accounts, posts, sagas)));
  return { signUps: countBy(auth), publications: countBy(postRows), problems };
}

/** An event or an outbox message a saga step should cause once, caused twice. */
async function doubleEffects(
  accounts: readonly string[],
  posts: readonly string[],
  sagas: readonly string[],
): Promise<string[]> {
  const problems: string[] = [];
  const twice = (service: ServiceName, streams: string[], types: string[]) =>
    rowsOf<{ stream_id: string; type: string; n: string }>(
      service,
      `SELECT stream_id, type, count(*) AS n FROM events
        WHERE stream_id = ANY($1) AND type = ANY($2) GROUP BY 1, 2 HAVING count(*) > 1`,
      [streams, types],
    );
  const found = [
    ...(await twice(
      'auth',
      accounts.map((id) => `account-${id}`),
      ['AccountActivated', 'AccountRejected'],
    )),
    ...(await twice(
      'user',
      accounts.map((id) => `profile-${id}`),
      ['ProfileCreated'],
    )),
    ...(await twice(
      'post',
      posts.map((id) => `post-${id}`),
      ['PostPublished', 'PostPublicationReverted'],
    )),
  ];
  problems.push(...found.map((row) => `${row.type} ×${row.n} in ${row.stream_id}`));
  for (const service of OUTBOX_SERVICES) {
    const outbox = await rowsOf<{ saga_id: string; type: string; n: string }>(
      service,
      `SELECT saga_id, type, aggregateid, count(*) AS n FROM outbox
        WHERE saga_id = ANY($1) GROUP BY 1, 2, 3 HAVING count(*) > 1`,
      [sagas],
    );
    problems.push(
      ...outbox.map((row) => `${service} sent ${row.type} ×${row.n} in ${row.saga_id}`),
    );
    const letters = await rowsOf<{ n: string }>(
      service,
      `SELECT count(*) AS n FROM dead_letters WHERE saga_id = ANY($1)`,
      [sagas],
    );
    if (Number(letters[0]?.n) > 0) problems.push(`${service} dead-lettered ${letters[0]?.n}`);
  }
  return problems;
}
