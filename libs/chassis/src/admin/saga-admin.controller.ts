import { Controller, Get, Inject, Logger, Param, Post, Query } from '@nestjs/common';
import { republishSagaMessages } from '@blog/saga';
import { inTransaction } from '@blog/sql';
import type { Pool } from 'pg';
import { z } from 'zod';
import { CurrentCaller, Roles } from '../auth/authenticated.guard';
import type { Caller } from '../auth/caller';
import { PG_POOL } from '../database/pg-pool.provider';
import { AppError } from '../errors/app-error';
import { parseAdminInput, sagaIdSchema } from '../http/parse-input';
import { ConsumerHost } from '../messaging/consumer-host';

const deadLetterFilter = z.object({
  status: z.enum(['failed', 'waiting', 'resolved']).optional(),
  sagaId: sagaIdSchema.optional(),
});

/**
 * Operator routes every service with consumers exposes to the gateway: its dead letters,
 * their re-drive, and replay of one saga (re-publish its outbox messages with their ids,
 * then re-drive its dead letters). Admin role only; every action is logged.
 */
@Controller('internal')
@Roles('admin')
export class SagaAdminController {
  private readonly logger = new Logger('admin');

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly consumers: ConsumerHost,
  ) {}

  @Get('dead-letters')
  async deadLetters(@Query() query: unknown) {
    const { status, sagaId } = parseAdminInput(deadLetterFilter, query, 'query');
    const filter = { ...(status ? { status } : {}), ...(sagaId ? { sagaId } : {}) };
    const lists = await Promise.all(
      [...this.consumers.admins.values()].map((admin) => admin.list(filter)),
    );
    return { items: lists.flat() };
  }

  @Post('dead-letters/:consumer/:id/redrive')
  async redriveOne(
    @Param('consumer') consumer: string,
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
  ) {
    const admin = this.consumers.admins.get(consumer);
    if (!admin || !/^\d{1,18}$/.test(id)) {
      throw new AppError('not-found', 'ADMIN.DEAD_LETTER_NOT_FOUND', 'no such dead letter');
    }
    this.logger.log({ message: 'dead letter re-driven', actor: caller.accountId, consumer, id });
    return admin.redrive(id);
  }

  @Post('dead-letters/redrive')
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

  @Post('sagas/:sagaId/replay')
  async replaySaga(@Param('sagaId') rawSagaId: string, @CurrentCaller() caller: Caller) {
    const sagaId = parseAdminInput(sagaIdSchema, rawSagaId, 'saga id');
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
