import { z } from 'zod';

/**
 * The envelope every message carries, as Debezium's outbox router puts it into Kafka
 * headers (infra/connectors/outbox-connector.template.json is the other side).
 */
const envelopeHeaders = z.object({
  id: z.uuid(),
  eventType: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable().default(null),
  sagaId: z.string().min(1).nullable().default(null),
  traceparent: z.string().min(1).nullable().default(null),
  occurredAt: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a timestamp'),
  schemaVersion: z.coerce.number().int().min(1),
});

export interface MessageEnvelope {
  readonly messageId: string;
  readonly type: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly sagaId: string | null;
  readonly traceparent: string | null;
  readonly occurredAt: string;
  readonly schemaVersion: number;
}

export type RawHeaders = Readonly<Record<string, string | null>>;

export type EnvelopeResult =
  | { readonly ok: true; readonly envelope: MessageEnvelope }
  | { readonly ok: false; readonly error: string };

export function decodeEnvelope(headers: RawHeaders): EnvelopeResult {
  const clean = Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== null));
  const parsed = envelopeHeaders.safeParse(clean);
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  }
  const { id, eventType, ...rest } = parsed.data;
  return { ok: true, envelope: { messageId: id, type: eventType, ...rest } };
}
