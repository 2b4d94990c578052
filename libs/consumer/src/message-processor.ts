import { inTransaction, type SqlClient } from '@blog/sql';
import type { Pool } from 'pg';
import type {
  ConsumedRecord,
  DeadLetterNotice,
  DeadLetterReason,
  DeadLetterSink,
} from './consumed-record';
import { decodeEnvelope, type MessageEnvelope } from './envelope';
import type { InboundMessage, MessageHandler } from './message-handler';
import { backoffMs, DEFAULT_RETRY, type RetryPolicy } from './retry-policy';

export type ProcessOutcome = 'processed' | 'duplicate' | 'ignored' | 'dead-lettered' | 'parked';

export interface MessageProcessorOptions {
  /** Names the inbox and dead letters; one per consuming use case (usually the group id). */
  readonly consumer: string;
  readonly pool: Pool;
  readonly handlers: readonly MessageHandler<unknown>[];
  readonly deadLetters: DeadLetterSink;
  readonly retry?: RetryPolicy;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Wraps the handling of one valid message (tracing span, log context, latency metric). */
  readonly around?: (
    message: InboundMessage<unknown>,
    work: () => Promise<ProcessOutcome>,
  ) => Promise<ProcessOutcome>;
}

type Prepared =
  | {
      readonly ok: true;
      readonly message: InboundMessage<unknown>;
      readonly handler: MessageHandler<unknown>;
    }
  | { readonly ok: false; readonly ignored: true }
  | {
      readonly ok: false;
      readonly ignored: false;
      readonly reason: DeadLetterReason;
      readonly error: string;
    };

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Turns one Kafka record into at most one effect: validate at the edge, dedupe through
 * the inbox in the handler's transaction, retry with backoff, and dead-letter (parking
 * the aggregate's key) when it cannot succeed, so the partition never blocks forever and
 * the aggregate's later messages are not applied out of order.
 */
export class MessageProcessor {
  private readonly handlers: ReadonlyMap<string, MessageHandler<unknown>>;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: MessageProcessorOptions) {
    this.handlers = new Map(options.handlers.map((handler) => [handler.type, handler]));
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get consumer(): string {
    return this.options.consumer;
  }

  async process(record: ConsumedRecord): Promise<ProcessOutcome> {
    if (record.key !== null && (await this.parkIfKeyParked(record))) return 'parked';
    const prepared = this.prepare(record);
    if (!prepared.ok) {
      if (prepared.ignored) return 'ignored';
      return this.deadLetter(record, prepared.reason, prepared.error, 0);
    }
    const around = this.options.around ?? ((_, work) => work());
    return around(prepared.message, () =>
      this.applyWithRetries(record, prepared.handler, prepared.message),
    );
  }

  /**
   * Consecutive records of one partition in one transaction: one commit, so one WAL flush,
   * for the lot instead of one per message (on this disk the flush is most of a message's
   * cost). Inbox rows and effects commit together exactly as they do alone. Anything unusual
   * (a record that is invalid or has no handler, a parked key, a handler or commit failure)
   * rolls the batch back and handles its records one by one through `process`, so retries,
   * dead letters and parking behave exactly as for a single message. `around` runs per
   * message inside the batch; after a fallback a message's log line can appear twice, the
   * second one carrying its real outcome.
   */
  async processBatch(records: readonly ConsumedRecord[]): Promise<ProcessOutcome[]> {
    const prepared = records.map((record) => this.prepare(record));
    const ready = prepared.flatMap((p) => (p.ok ? [p] : []));
    if (records.length > 1 && ready.length === records.length) {
      const together = await this.applyTogether(records, ready).catch(() => null);
      if (together) return together;
    }
    const outcomes: ProcessOutcome[] = [];
    for (const record of records) outcomes.push(await this.process(record));
    return outcomes;
  }

  private applyTogether(
    records: readonly ConsumedRecord[],
    ready: readonly {
      readonly message: InboundMessage<unknown>;
      readonly handler: MessageHandler<unknown>;
    }[],
  ): Promise<ProcessOutcome[] | null> {
    const around = this.options.around ?? ((_, work) => work());
    return inTransaction(this.options.pool, async (tx) => {
      if (await this.anyKeyParked(tx, records)) throw new Error('a key of the batch is parked');
      const outcomes: ProcessOutcome[] = [];
      for (const { handler, message } of ready) {
        outcomes.push(await around(message, () => this.applyOnce(tx, handler, message)));
      }
      return outcomes;
    });
  }

  /** FOR SHARE, as in parkIfKeyParked: a re-drive draining one of these keys goes first. */
  private async anyKeyParked(tx: SqlClient, records: readonly ConsumedRecord[]): Promise<boolean> {
    const keys = [
      ...new Set(records.flatMap((record) => (record.key === null ? [] : [record.key]))),
    ];
    if (keys.length === 0) return false;
    const parked = await tx.query(
      `SELECT 1 FROM parked_keys
        WHERE consumer = $1 AND topic = ANY($2) AND message_key = ANY($3) FOR SHARE`,
      [this.options.consumer, [...new Set(records.map((record) => record.topic))], keys],
    );
    return (parked.rowCount ?? 0) > 0;
  }

  private async applyWithRetries(
    record: ConsumedRecord,
    handler: MessageHandler<unknown>,
    message: InboundMessage<unknown>,
  ): Promise<ProcessOutcome> {
    let lastError = '';
    for (let attempt = 1; attempt <= this.retry.attempts; attempt += 1) {
      try {
        return await inTransaction(this.options.pool, (tx) => this.applyOnce(tx, handler, message));
      } catch (error) {
        lastError = errorText(error);
        if (attempt < this.retry.attempts) await this.sleep(backoffMs(this.retry, attempt));
      }
    }
    return this.deadLetter(record, 'handler-failed', lastError, this.retry.attempts);
  }

  /** Validates the envelope and payload and finds the handler; no I/O. */
  prepare(record: ConsumedRecord): Prepared {
    const decoded = decodeEnvelope(record.headers);
    if (!decoded.ok)
      return { ok: false, ignored: false, reason: 'invalid-envelope', error: decoded.error };
    const handler = this.handlers.get(decoded.envelope.type);
    if (!handler) return { ok: false, ignored: true };
    const payload = this.parsePayload(handler, record.value, decoded.envelope.schemaVersion);
    if (!payload.ok)
      return { ok: false, ignored: false, reason: 'invalid-payload', error: payload.error };
    return { ok: true, handler, message: this.message(record, decoded.envelope, payload.value) };
  }

  /** Inbox row first: a second delivery of the same message id changes nothing. */
  async applyOnce(
    tx: SqlClient,
    handler: MessageHandler<unknown>,
    message: InboundMessage<unknown>,
  ): Promise<'processed' | 'duplicate'> {
    const inserted = await tx.query(
      `INSERT INTO inbox (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [this.options.consumer, message.envelope.messageId],
    );
    if (inserted.rowCount === 0) return 'duplicate';
    await handler.handle(tx, message);
    return 'processed';
  }

  /**
   * Upcast, then check: a payload of an older schema version is brought to the current one
   * first, and one of a version this build cannot read fails like an invalid payload (dead
   * letter, key parked) until a build that reads it re-drives it.
   */
  private parsePayload(
    handler: MessageHandler<unknown>,
    value: string | null,
    schemaVersion: number,
  ): { ok: true; value: unknown } | { ok: false; error: string } {
    let json: unknown;
    try {
      json = value === null ? null : JSON.parse(value);
    } catch (error) {
      return { ok: false, error: `payload is not JSON: ${errorText(error)}` };
    }
    try {
      json = handler.upcast ? handler.upcast(schemaVersion, json) : json;
    } catch (error) {
      return { ok: false, error: errorText(error) };
    }
    const parsed = handler.schema.safeParse(json);
    if (parsed.success) return { ok: true, value: parsed.data };
    return {
      ok: false,
      error: parsed.error.issues
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; '),
    };
  }

  private message(
    record: ConsumedRecord,
    envelope: MessageEnvelope,
    payload: unknown,
  ): InboundMessage<unknown> {
    return { envelope, payload, topic: record.topic, key: record.key ?? '' };
  }

  /**
   * A parked key's later messages queue behind its dead letter. FOR SHARE waits for a
   * re-drive that is draining the key, so nothing overtakes the queue.
   */
  private async parkIfKeyParked(record: ConsumedRecord): Promise<boolean> {
    return inTransaction(this.options.pool, async (tx) => {
      const parked = await tx.query(
        `SELECT 1 FROM parked_keys WHERE consumer = $1 AND topic = $2 AND message_key = $3 FOR SHARE`,
        [this.options.consumer, record.topic, record.key],
      );
      if (parked.rowCount === 0) return false;
      await this.storeDeadLetter(tx, record, 'waiting', null, null, 0);
      return true;
    });
  }

  private async deadLetter(
    record: ConsumedRecord,
    reason: DeadLetterReason,
    error: string,
    attempts: number,
  ): Promise<'dead-lettered'> {
    await inTransaction(this.options.pool, async (tx) => {
      await this.storeDeadLetter(tx, record, 'failed', reason, error, attempts);
      if (record.key !== null) {
        await tx.query(
          `INSERT INTO parked_keys (consumer, topic, message_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
          [this.options.consumer, record.topic, record.key],
        );
      }
    });
    const notice: DeadLetterNotice = { consumer: this.options.consumer, reason, error, attempts };
    await this.options.deadLetters.publish(record, notice);
    return 'dead-lettered';
  }

  private async storeDeadLetter(
    tx: SqlClient,
    record: ConsumedRecord,
    status: 'failed' | 'waiting',
    reason: DeadLetterReason | null,
    error: string | null,
    attempts: number,
  ): Promise<void> {
    const messageId = record.headers['id'] ?? null;
    await tx.query(
      `INSERT INTO dead_letters
         (consumer, message_id, topic, partition, "offset", message_key, saga_id, headers, value,
          status, reason, error, attempts)
       VALUES ($1, CASE WHEN $2 ~* '^[0-9a-f-]{36}$' THEN $2::uuid END, $3, $4, $5, $6, $7, $8, $9,
               $10, $11, $12, $13)
       ON CONFLICT (consumer, topic, partition, "offset") DO UPDATE
         SET error = EXCLUDED.error, attempts = dead_letters.attempts + EXCLUDED.attempts`,
      [
        this.options.consumer,
        messageId,
        record.topic,
        record.partition,
        record.offset,
        record.key,
        record.headers['sagaId'] ?? null,
        JSON.stringify(record.headers),
        record.value,
        status,
        reason,
        error,
        attempts,
      ],
    );
  }
}
