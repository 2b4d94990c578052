import { Controller, Inject, Logger, Req } from '@nestjs/common';
import type { DeadLetter } from '@blog/consumer';
import { republishSagaMessages } from '@blog/saga';
import { inTransaction } from '@blog/sql';
import type { FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentCaller } from '../auth/authenticated.guard';
import type { Caller } from '../auth/caller';
import { PG_POOL } from '../database/pg-pool.provider';
import { AppError } from '../errors/app-error';
import { Endpoint, pageOf, pageQuery } from '../http/route';
import { decodeSeqCursor, encodeSeqCursor } from '../http/seq-cursor';
import { ConsumerHost } from '../messaging/consumer-host';
import {
  adminRoute,
  deadLetterFilter,
  deadLetterView,
  redriveResult,
  replayResult,
  sagaIdParams,
} from './saga-admin.routes';

const DEAD_LETTER_NOT_FOUND = {
  status: 404,
  code: 'ADMIN.DEAD_LETTER_NOT_FOUND',
  when: 'no such dead letter',
} as const;

export const listServiceDeadLetters = adminRoute({
  method: 'GET',
  path: '/internal/dead-letters',
  operationId: 'listServiceDeadLetters',
  summary: 'This service’s dead letters, oldest first',
  tag: 'admin',
  access: 'admin',
  internal: true,
  query: pageQuery.extend(deadLetterFilter.shape),
  answers: { 200: { description: 'One page of dead letters', body: pageOf(deadLetterView) } },
  refusals: [
    { status: 400, code: 'ADMIN.INVALID_CURSOR', when: 'a cursor this API did not issue' },
  ],
});

export const redriveServiceDeadLetter = adminRoute({
  method: 'POST',
  path: '/internal/dead-letters/:consumer/:id/redrive',
  operationId: 'redriveServiceDeadLetter',
  summary: 'Re-drive one dead letter and the messages queued behind it',
  tag: 'admin',
  access: 'admin',
  internal: true,
  params: z.object({ consumer: z.string().max(200), id: z.string().max(40) }),
  answers: { 200: { description: 'What was re-driven', body: redriveResult } },
  refusals: [DEAD_LETTER_NOT_FOUND],
});

export const redriveServiceDeadLetters = adminRoute({
  method: 'POST',
  path: '/internal/dead-letters/redrive',
  operationId: 'redriveServiceDeadLetters',
  summary: 'Re-drive every dead letter of this service',
  tag: 'admin',
  access: 'admin',
  internal: true,
  answers: { 200: { description: 'What was re-driven', body: redriveResult } },
});

export const replayServiceSaga = adminRoute({
  method: 'POST',
  path: '/internal/sagas/:sagaId/replay',
  operationId: 'replayServiceSaga',
  summary: 'Re-publish a saga’s outbox messages and re-drive its dead letters',
  tag: 'admin',
  access: 'admin',
  internal: true,
  params: sagaIdParams,
  answers: { 200: { description: 'What was replayed', body: replayResult } },
});

/**
 * Operator routes every service with consumers exposes to the gateway: its dead letters,
 * their re-drive, and replay of one saga (re-publish its outbox messages with their ids,
 * then re-drive its dead letters). Admin role only; every action is logged.
 */
@Controller()
export class SagaAdminController {
  private readonly logger = new Logger('admin');

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly consumers: ConsumerHost,
  ) {}

  /** One table holds every consumer's dead letters: ids order them across consumers. */
  @Endpoint(listServiceDeadLetters)
  async deadLetters(@Req() request: FastifyRequest) {
    const { status, sagaId, limit, cursor } = listServiceDeadLetters.parse(request).query;
    const afterId = decodeSeqCursor(cursor, 'ADMIN.INVALID_CURSOR');
    const filter = { ...(status ? { status } : {}), ...(sagaId ? { sagaId } : {}) };
    const lists = await Promise.all(
      [...this.consumers.admins.values()].map((admin) =>
        admin.list({ ...filter, limit: limit + 1, afterId }),
      ),
    );
    const merged = lists.flat().sort((a: DeadLetter, b: DeadLetter) => byId(a.id, b.id));
    const page = merged.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: merged.length > limit && last ? encodeSeqCursor(last.id) : null,
    };
  }

  @Endpoint(redriveServiceDeadLetter)
  async redriveOne(@Req() request: FastifyRequest, @CurrentCaller() caller: Caller) {
    const { consumer, id } = redriveServiceDeadLetter.parse(request).params;
    const admin = this.consumers.admins.get(consumer);
    if (!admin || !/^\d{1,18}$/.test(id)) {
      throw new AppError('not-found', DEAD_LETTER_NOT_FOUND.code, 'no such dead letter');
    }
    this.logger.log({ message: 'dead letter re-driven', actor: caller.accountId, consumer, id });
    return admin.redrive(id);
  }

  @Endpoint(redriveServiceDeadLetters)
  async redriveAll(@CurrentCaller() caller: Caller) {
    this.logger.log({ message: 'all dead letters re-driven', actor: caller.accountId });
    const results = await Promise.all(
      [...this.consumers.admins.values()].map((admin) => admin.redriveAll()),
    );
    return {
      resolved: results.reduce((sum, result) => sum + result.resolved, 0),
      stillParked: results.flatMap((result) => result.stillParked),
    };
  }

  @Endpoint(replayServiceSaga)
  async replaySaga(@Req() request: FastifyRequest, @CurrentCaller() caller: Caller) {
    const { sagaId } = replayServiceSaga.parse(request).params;
    const republished = await inTransaction(this.pool, (tx) => republishSagaMessages(tx, sagaId));
    const redriven = await Promise.all(
      [...this.consumers.admins.values()].map((admin) => admin.redriveSaga(sagaId)),
    );
    const result = {
      sagaId,
      republished,
      redriven: redriven.reduce((sum, r) => sum + r.resolved, 0),
      stillParked: redriven.flatMap((r) => r.stillParked),
    };
    this.logger.log({ message: 'saga replayed', actor: caller.accountId, ...result });
    return result;
  }
}

const byId = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
