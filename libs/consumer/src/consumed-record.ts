import type { RawHeaders } from './envelope';

/** A Kafka record as the processor needs it, independent of the client library. */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly headers: RawHeaders;
  readonly value: string | null;
}

/** Why a record was set aside instead of handled. */
export type DeadLetterReason = 'invalid-envelope' | 'invalid-payload' | 'handler-failed';

export interface DeadLetterNotice {
  readonly consumer: string;
  readonly reason: DeadLetterReason;
  readonly error: string;
  readonly attempts: number;
}

/** Where dead letters are announced: `<topic>.dlq` in production (see kafka-dead-letter-sink). */
export interface DeadLetterSink {
  publish(record: ConsumedRecord, notice: DeadLetterNotice): Promise<void>;
}
