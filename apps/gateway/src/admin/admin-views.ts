import { deadLetterView, pageOf, sagaIdSchema } from '@blog/chassis';
import { z } from 'zod';
import { SAGA_STATUSES } from '../domain/saga-status';
import { UPSTREAM_NAMES } from '../routing/upstream-names';

/** The schemas of the gateway's operator answers: what its admin routes send and document. */

const services = z.enum(UPSTREAM_NAMES);
const sources = z.enum([...UPSTREAM_NAMES, 'gateway']);

/** A service that did not give a usable answer: reported to the operator, never fatal. */
export const unreachableService = z
  .object({
    service: services,
    status: z.number().int().nullable().describe('What it answered, null when it did not'),
    code: z.string(),
    message: z.string(),
  })
  .meta({ id: 'UnreachableService' });

const unreachable = z
  .array(unreachableService)
  .describe('Services whose part could not be read or done: retry later');

/** A dead letter and the service holding it; `gateway` is the saga monitor's own. */
export const serviceDeadLetter = deadLetterView
  .extend({ service: sources })
  .meta({ id: 'ServiceDeadLetter' });

export const deadLetterListing = pageOf(serviceDeadLetter)
  .extend({ unreachable })
  .meta({ id: 'DeadLetterPage' });

export const sagaView = z
  .object({
    sagaId: sagaIdSchema,
    type: z.string().nullable(),
    status: z.enum(SAGA_STATUSES),
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
    lastMessageType: z.string(),
    lastMessageAt: z.iso.datetime(),
    messageCount: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Saga' });

export const sagaPage = pageOf(sagaView).extend({ unreachable }).meta({ id: 'SagaPage' });

export const sagaDetail = z
  .object({
    saga: sagaView,
    timeline: z.array(
      z.object({
        messageId: z.string(),
        type: z.string(),
        aggregateType: z.string(),
        aggregateId: z.string(),
        correlationId: z.string(),
        causationId: z.string().nullable(),
        occurredAt: z.iso.datetime(),
        recordedAt: z.iso.datetime(),
      }),
    ),
    deadLetters: z.array(serviceDeadLetter),
    unreachable,
  })
  .meta({ id: 'SagaDetail' });

const parkedKeys = z.array(
  z.object({ topic: z.string(), key: z.string().nullable(), error: z.string() }),
);

/** What each service did for an operator action, or why it could not. */
const outcomes = <Done extends z.ZodRawShape>(done: Done) =>
  z.array(
    z.discriminatedUnion('ok', [
      z.object({ service: sources, ok: z.literal(true), ...done }),
      unreachableService.extend({ ok: z.literal(false) }),
    ]),
  );

export const redriveReport = z
  .object({
    resolved: z.number().int(),
    services: outcomes({ resolved: z.number().int(), stillParked: parkedKeys }),
  })
  .meta({ id: 'RedriveReport' });

export const replayReport = z
  .object({
    sagaId: sagaIdSchema,
    republished: z.number().int(),
    redriven: z.number().int(),
    services: outcomes({
      republished: z.number().int(),
      redriven: z.number().int(),
      stillParked: parkedKeys,
    }),
  })
  .meta({ id: 'ReplayReport' });
