import { randomUUID } from 'node:crypto';
import { ensureTopics, produceRecords, type RecordToProduce, uniqueName } from '@blog/testing';

export interface SagaMessage {
  readonly type: string;
  readonly sagaId: string;
  /** Kafka key: the producing aggregate's id. */
  readonly key: string;
  readonly occurredAt: Date;
  readonly id?: string;
  readonly payload?: object;
}

/**
 * Outbox topics of this spec only (`outbox.event.<prefix>-<aggregate>`), so other specs'
 * and services' traffic never mixes in, and the list the monitor is pointed at.
 */
export class SpecTopics {
  readonly prefix = uniqueName('gwt').replace(/_/g, '').toLowerCase();

  /** `SAGA_MONITOR_TOPICS` for these aggregates. */
  list(aggregates: readonly string[]): string {
    return aggregates.map((aggregate) => this.topic(aggregate)).join(',');
  }

  topic(aggregate: string): string {
    return `outbox.event.${this.prefix}-${aggregate}`;
  }

  aggregateType(aggregate: string): string {
    return `${this.prefix}-${aggregate}`;
  }

  create(aggregates: readonly string[]): Promise<void> {
    return ensureTopics(aggregates.map((aggregate) => this.topic(aggregate)));
  }

  /** Produces with the header layout Debezium's outbox router writes. */
  produce(aggregate: string, messages: readonly SagaMessage[]): Promise<void> {
    return produceRecords(this.topic(aggregate), messages.map(toRecord));
  }
}

export function toRecord(message: SagaMessage): RecordToProduce {
  return {
    key: message.key,
    value: JSON.stringify(message.payload ?? {}),
    headers: {
      id: message.id ?? randomUUID(),
      eventType: message.type,
      correlationId: message.sagaId,
      causationId: randomUUID(),
      sagaId: message.sagaId,
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      occurredAt: message.occurredAt.toISOString(),
      schemaVersion: '1',
    },
  };
}

/** Retries an assertion until it holds or the time is up (Kafka delivery is asynchronous). */
export async function eventually<T>(assertion: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export const secondsAfter = (base: Date, seconds: number) =>
  new Date(base.getTime() + seconds * 1_000);
