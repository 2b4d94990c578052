import type { Pool, PoolClient } from 'pg';
import { afterCommit } from './after-commit';
import { inTransaction } from './sql-client';

/** A pool whose one client records statements and fails the one it is told to. */
function fakePool(failOn?: string) {
  const statements: string[] = [];
  const client = {
    query: async (text: string) => {
      statements.push(text);
      if (text === failOn) throw new Error(`${text} failed`);
      return { rows: [], rowCount: 0 };
    },
    release: () => undefined,
    // inTransaction listens for a lost connection while it holds the client.
    on: () => client,
    off: () => client,
  } as unknown as PoolClient;
  const pool = { connect: async () => client } as unknown as Pool;
  return { pool, client, statements };
}

describe('afterCommit', () => {
  it('runs callbacks once the transaction committed, in order', async () => {
    const { pool } = fakePool();
    const ran: string[] = [];
    await inTransaction(pool, async (tx) => {
      afterCommit(tx, () => ran.push('first'));
      afterCommit(tx, () => ran.push('second'));
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['first', 'second']);
  });

  it('never runs them when the work throws or COMMIT fails', async () => {
    const ran: string[] = [];
    const work = fakePool();
    await expect(
      inTransaction(work.pool, async (tx) => {
        afterCommit(tx, () => ran.push('work'));
        throw new Error('conflict');
      }),
    ).rejects.toThrow('conflict');
    const commit = fakePool('COMMIT');
    await expect(
      inTransaction(commit.pool, async (tx) => afterCommit(tx, () => ran.push('commit'))),
    ).rejects.toThrow('COMMIT failed');
    expect(ran).toEqual([]);
  });

  it('does not let a failing callback fail a committed transaction', async () => {
    const { pool } = fakePool();
    const ran: string[] = [];
    await expect(
      inTransaction(pool, async (tx) => {
        afterCommit(tx, () => {
          throw new Error('metric broke');
        });
        afterCommit(tx, () => ran.push('next'));
        return 'done';
      }),
    ).resolves.toBe('done');
    expect(ran).toEqual(['next']);
  });

  it('runs at once on a client outside inTransaction, which commits every statement', () => {
    const { client } = fakePool();
    const ran: string[] = [];
    afterCommit(client, () => ran.push('now'));
    expect(ran).toEqual(['now']);
  });

  it('forgets a finished transaction: the pooled client starts the next one empty', async () => {
    const { pool, client } = fakePool();
    await inTransaction(pool, async () => undefined);
    const ran: string[] = [];
    afterCommit(client, () => ran.push('later'));
    expect(ran).toEqual(['later']);
  });
});
