import { PG_POOL } from '@blog/chassis';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { GATEWAY_CONFIG, type GatewayConfig } from '../../gateway.config';
import { DeadLetterSources, type OperatorCall } from '../../infrastructure/dead-letter-sources';
import type { UnreachableService } from '../../infrastructure/internal-api.client';
import { SAGA_COLUMNS, sagaRowSchema, type SagaView, sagaViewOf } from '../saga-row';
import { encodeCursor, type ListSagasRequest } from './list-sagas.request';

export interface SagaPage {
  readonly items: readonly SagaView[];
  readonly nextCursor: string | null;
  /** Services whose dead letters could not be read: `failed` may be missing for them. */
  readonly unreachable: readonly UnreachableService[];
}

/**
 * Newest sagas first, keyset-paginated. `stuck` is computed now from the silence
 * threshold, `failed` from the services' open dead letters; neither is stored.
 */
@Injectable()
export class ListSagasQuery {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly deadLetters: DeadLetterSources,
  ) {}

  async run(request: ListSagasRequest, call: OperatorCall): Promise<SagaPage> {
    const now = new Date();
    const stuckAfterMs = this.config.SAGA_STUCK_AFTER_MS;
    const { sagaIds: failing, unreachable } = await this.deadLetters.sagasWithOpenDeadLetters(call);
    const stuckBefore = new Date(now.getTime() - stuckAfterMs);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const healthy = () => `NOT saga_id = ANY(${param([...failing])}::text[])`;
    const where: string[] = [];
    if (request.type) where.push(`saga_type = ${param(request.type)}`);
    switch (request.status) {
      case undefined:
        break;
      case 'failed':
        where.push(`saga_id = ANY(${param([...failing])}::text[])`);
        break;
      case 'stuck':
        where.push(
          `${healthy()} AND status = 'running' AND last_message_at < ${param(stuckBefore)}`,
        );
        break;
      case 'running':
        where.push(
          `${healthy()} AND status = 'running' AND last_message_at >= ${param(stuckBefore)}`,
        );
        break;
      default:
        where.push(`${healthy()} AND status = ${param(request.status)}`);
    }
    if (request.cursor) {
      const [startedAt, sagaId] = request.cursor;
      where.push(`(started_at, saga_id) < (${param(new Date(startedAt))}, ${param(sagaId)})`);
    }
    const { rows } = await this.pool.query(
      `SELECT ${SAGA_COLUMNS} FROM sagas ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY started_at DESC, saga_id DESC LIMIT ${param(request.limit + 1)}`,
      params,
    );
    const page = rows.slice(0, request.limit).map((row) => sagaRowSchema.parse(row));
    const last = page[page.length - 1];
    return {
      items: page.map((row) =>
        sagaViewOf(row, { now, stuckAfterMs, hasDeadLetters: failing.has(row.saga_id) }),
      ),
      nextCursor:
        rows.length > request.limit && last
          ? encodeCursor(last.started_at.toISOString(), last.saga_id)
          : null,
      unreachable,
    };
  }
}
