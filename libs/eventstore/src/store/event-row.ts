import { z } from 'zod';
import type { EventData, EventMetadata, RecordedEvent } from '../events/event';
import type { UpcasterRegistry } from '../upcasting/upcaster-registry';

/**
 * The columns every read selects, in the shape `parseEventRow` expects. xid8 is read as
 * text under another name: an output column called `transaction_id` would make
 * `ORDER BY transaction_id` sort the text (`'10' < '9'`) instead of the xid8 column.
 */
export const EVENT_COLUMNS = `global_position, transaction_id::text AS transaction_id_text,
  stream_id, version, type, data, metadata, schema_version, recorded_at`;

const storedMetadataSchema = z.looseObject({
  messageId: z.string(),
  correlationId: z.string(),
  causationId: z.string().nullish(),
  sagaId: z.string().nullish(),
  traceparent: z.string().nullish(),
  actor: z.string().nullish(),
  occurredAt: z.string(),
});

/** The envelope as stored: `schema_version` has its own column, the single source of truth. */
export type StoredMetadata = Omit<EventMetadata, 'schemaVersion'>;

const eventRowSchema = z.object({
  // int8 arrives as a string from pg; positions stay far below 2^53.
  global_position: z.union([z.string(), z.number()]).transform(Number).pipe(z.number().int()),
  transaction_id_text: z.string(),
  stream_id: z.string(),
  version: z.number().int(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  metadata: storedMetadataSchema,
  schema_version: z.number().int(),
  recorded_at: z.date(),
});

/** Reads one `events` row: the envelope is validated, the data upcast to the current shape. */
export function parseEventRow(row: unknown, upcasters: UpcasterRegistry): RecordedEvent {
  const parsed = eventRowSchema.parse(row);
  // jsonb can only hold JSON, so a JSON object is event data; its shape is upcasting's job.
  const stored = parsed.data as EventData;
  const { data, schemaVersion } = upcasters.upcast(parsed.type, parsed.schema_version, stored);
  return {
    type: parsed.type,
    data,
    streamId: parsed.stream_id,
    version: parsed.version,
    globalPosition: parsed.global_position,
    transactionId: parsed.transaction_id_text,
    metadata: { ...parsed.metadata, schemaVersion },
    recordedAt: parsed.recorded_at,
  };
}
