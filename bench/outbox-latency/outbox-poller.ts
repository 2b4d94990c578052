import type { Producer } from 'kafkajs';
import type { Pool } from 'pg';

interface OutboxRow {
  seq: string;
  id: string;
  aggregatetype: string;
  aggregateid: string;
  type: string;
  payload: unknown;
  correlation_id: string;
  occurred_at: Date;
  schema_version: number;
}

/**
 * The baseline only: the simple polling publisher many outbox write-ups start with. It
 * reads rows after the last sequence number every `intervalMs` and produces them. (It
 * shares the skipped-late-commit flaw Debezium does not have; latency is what is compared.)
 */
export class OutboxPoller {
  private last = '0';
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly pool: Pool,
    private readonly producer: Producer,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.busy = this.busy.then(() => this.poll()).catch(() => undefined);
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.busy;
  }

  private async poll(): Promise<void> {
    const { rows } = await this.pool.query<OutboxRow>(
      `SELECT seq, id, aggregatetype, aggregateid, type, payload, correlation_id, occurred_at, schema_version
         FROM outbox WHERE seq > $1 ORDER BY seq LIMIT 5000`,
      [this.last],
    );
    if (rows.length === 0) return;
    const byTopic = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const topic = `outbox.event.${row.aggregatetype}`;
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), row]);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, batch]) => ({
        topic,
        messages: batch.map((row) => ({
          key: row.aggregateid,
          value: JSON.stringify(row.payload),
          headers: {
            id: row.id,
            eventType: row.type,
            correlationId: row.correlation_id,
            occurredAt: row.occurred_at.toISOString(),
            schemaVersion: String(row.schema_version),
          },
        })),
      })),
    });
    this.last = rows[rows.length - 1]?.seq ?? this.last;
  }
}
