import { inTransaction, type SqlClient } from '@blog/sql';
import type { Pool } from 'pg';
import type { ConsumedRecord } from './consumed-record';
import type { RawHeaders } from './envelope';
import type { MessageProcessor } from './message-processor';

export interface DeadLetter {
  readonly id: string;
  readonly consumer: string;
  readonly messageId: string | null;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly sagaId: string | null;
  readonly status: 'failed' | 'waiting' | 'resolved';
  readonly reason: string | null;
  readonly error: string | null;
  readonly attempts: number;
  readonly createdAt: string;
}

export interface DeadLetterFilter {
  readonly status?: DeadLetter['status'];
  readonly sagaId?: string;
}

export interface RedriveResult {
  readonly resolved: number;
  /** Keys still parked because a message failed again; its error is updated. */
  readonly stillParked: readonly { topic: string; key: string | null; error: string }[];
}

interface DeadLetterRow {
  id: string;
  consumer: string;
  message_id: string | null;
  topic: string;
  partition: number;
  offset: string;
  message_key: string | null;
  saga_id: string | null;
  headers: RawHeaders;
  value: string | null;
  status: DeadLetter['status'];
  reason: string | null;
  error: string | null;
  attempts: number;
  created_at: Date;
}

const toDeadLetter = (row: DeadLetterRow): DeadLetter => ({
  id: row.id,
  consumer: row.consumer,
  messageId: row.message_id,
  topic: row.topic,
  partition: row.partition,
  offset: row.offset,
  key: row.message_key,
  sagaId: row.saga_id,
  status: row.status,
  reason: row.reason,
  error: row.error,
  attempts: row.attempts,
  createdAt: row.created_at.toISOString(),
});

const toRecord = (row: DeadLetterRow): ConsumedRecord => ({
  topic: row.topic,
  partition: row.partition,
  offset: row.offset,
  key: row.message_key,
  headers: row.headers,
  value: row.value,
});

/**
 * Operator actions on one consumer's dead letters. Re-driving a key replays its failed
 * message and then the messages that waited behind it, in order, each through the inbox;
 * the key is unparked only when its queue is empty. Safe to repeat.
 */
export class DeadLetterAdmin {
  constructor(
    private readonly pool: Pool,
    private readonly processor: MessageProcessor,
  ) {}

  /** Oldest first, `limit` of them after the dead letter `afterId` (keyset on the id). */
  async list(filter: DeadLetterFilter & { limit?: number; afterId?: string | null } = {}) {
    const { rows } = await this.pool.query<DeadLetterRow>(
      `SELECT * FROM dead_letters
        WHERE consumer = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR saga_id = $3)
          AND ($5::bigint IS NULL OR id > $5::bigint)
        ORDER BY id LIMIT $4`,
      [
        this.processor.consumer,
        filter.status ?? null,
        filter.sagaId ?? null,
        filter.limit ?? 100,
        filter.afterId ?? null,
      ],
    );
    return rows.map(toDeadLetter);
  }

  async redrive(id: string): Promise<RedriveResult> {
    const { rows } = await this.pool.query<DeadLetterRow>(
      `SELECT * FROM dead_letters WHERE consumer = $1 AND id = $2`,
      [this.processor.consumer, id],
    );
    const row = rows[0];
    if (!row || row.status === 'resolved') return { resolved: 0, stillParked: [] };
    return this.redriveKeys([{ topic: row.topic, key: row.message_key, id: row.id }]);
  }

  async redriveAll(): Promise<RedriveResult> {
    return this.redriveKeys(await this.openKeys(null));
  }

  async redriveSaga(sagaId: string): Promise<RedriveResult> {
    return this.redriveKeys(await this.openKeys(sagaId));
  }

  private async openKeys(sagaId: string | null) {
    const { rows } = await this.pool.query<{ topic: string; key: string | null; id: string }>(
      `SELECT topic, message_key AS key, min(id)::text AS id FROM dead_letters
        WHERE consumer = $1 AND status <> 'resolved' AND ($2::text IS NULL OR saga_id = $2)
        GROUP BY topic, message_key ORDER BY min(id)`,
      [this.processor.consumer, sagaId],
    );
    return rows;
  }

  private async redriveKeys(
    keys: readonly { topic: string; key: string | null; id: string }[],
  ): Promise<RedriveResult> {
    let resolved = 0;
    const stillParked: { topic: string; key: string | null; error: string }[] = [];
    for (const { topic, key, id } of keys) {
      const outcome = key === null ? await this.redriveOne(id) : await this.drainKey(topic, key);
      resolved += outcome.resolved;
      if (outcome.error !== null) stillParked.push({ topic, key, error: outcome.error });
    }
    return { resolved, stillParked };
  }

  /** Keyless messages have no order to keep: each is re-driven alone. */
  private async redriveOne(id: string): Promise<{ resolved: number; error: string | null }> {
    try {
      const done = await inTransaction(this.pool, async (tx) => {
        const row = await this.lockedRow(tx, `id = $2`, [id]);
        return row ? this.apply(tx, row) : false;
      });
      return { resolved: done ? 1 : 0, error: null };
    } catch (error) {
      return { resolved: 0, error: await this.recordFailure(id, error) };
    }
  }

  private async drainKey(topic: string, key: string) {
    let resolved = 0;
    for (;;) {
      let current: string | null = null;
      try {
        const more = await inTransaction(this.pool, async (tx) => {
          // Holding the parked row blocks the live consumer for this key only.
          await tx.query(
            `SELECT 1 FROM parked_keys WHERE consumer = $1 AND topic = $2 AND message_key = $3 FOR UPDATE`,
            [this.processor.consumer, topic, key],
          );
          const row = await this.lockedRow(tx, `topic = $2 AND message_key = $3`, [topic, key]);
          if (!row) {
            await tx.query(
              `DELETE FROM parked_keys WHERE consumer = $1 AND topic = $2 AND message_key = $3`,
              [this.processor.consumer, topic, key],
            );
            return false;
          }
          current = row.id;
          await this.apply(tx, row);
          return true;
        });
        if (!more) return { resolved, error: null };
        resolved += 1;
      } catch (error) {
        return {
          resolved,
          error: current ? await this.recordFailure(current, error) : String(error),
        };
      }
    }
  }

  private async lockedRow(tx: SqlClient, where: string, params: unknown[]) {
    const { rows } = await tx.query<DeadLetterRow>(
      `SELECT * FROM dead_letters WHERE consumer = $1 AND status <> 'resolved' AND ${where}
        ORDER BY id LIMIT 1 FOR UPDATE`,
      [this.processor.consumer, ...params],
    );
    return rows[0];
  }

  /** Applies one stored message through the same validation and inbox as live traffic. */
  private async apply(tx: SqlClient, row: DeadLetterRow): Promise<true> {
    const prepared = this.processor.prepare(toRecord(row));
    if (!prepared.ok && !prepared.ignored) throw new Error(`${prepared.reason}: ${prepared.error}`);
    if (prepared.ok) await this.processor.applyOnce(tx, prepared.handler, prepared.message);
    await tx.query(
      `UPDATE dead_letters SET status = 'resolved', resolved_at = now() WHERE id = $1`,
      [row.id],
    );
    return true;
  }

  private async recordFailure(id: string, error: unknown): Promise<string> {
    const text = error instanceof Error ? error.message : String(error);
    await this.pool.query(
      `UPDATE dead_letters SET status = 'failed', error = $2, attempts = attempts + 1 WHERE id = $1`,
      [id, text],
    );
    return text;
  }
}
