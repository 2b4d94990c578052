import { randomUUID } from 'node:crypto';
import { type Cause, eventContextOf, messageContextOf, PG_POOL } from '@blog/chassis';
import { AccountMessages } from '@blog/contracts';
import type { EventStore } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { deadlineAt, recordSagaStep, scheduleDeadline } from '@blog/saga';
import { inTransaction } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { ACCOUNT_STORE, executeAccountCommand } from '../../infrastructure/account-store';
import { AUTH_CONFIG, type AuthConfig } from '../../infrastructure/auth-config';
import { Sessions } from '../../tokens/sessions';

export const CLOSURE_DEADLINE = 'close-account';

export interface Closure {
  readonly accountId: string;
  readonly sagaId: string;
  readonly status: 'CLOSING';
}

/**
 * Starts the close-account saga: the account goes CLOSING (locked), every refresh family
 * is revoked at once, and blog, user, subscribe and visitor are asked to do their part.
 */
@Injectable()
export class CloseAccountHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(ACCOUNT_STORE) private readonly store: EventStore,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly sessions: Sessions,
  ) {}

  execute(accountId: string, cause: Cause): Promise<Closure> {
    const sagaId = randomUUID();
    return inTransaction(this.pool, async (tx) => {
      await executeAccountCommand(
        tx,
        this.store,
        accountId,
        { type: 'RequestClosure', sagaId },
        eventContextOf({ ...cause, actor: accountId }, sagaId),
      );
      const message = outboxMessageOf(
        AccountMessages.AccountClosureRequested,
        accountId,
        { accountId },
        messageContextOf(cause, sagaId),
      );
      await publishToOutbox(tx, [message]);
      await this.sessions.refreshTokens.revokeAll(tx, accountId, 'account-closing');
      await scheduleDeadline(tx, {
        sagaId,
        sagaType: 'close-account',
        name: CLOSURE_DEADLINE,
        dueAt: deadlineAt(new Date(), this.config.CLOSURE_TIMEOUT_MS),
        payload: { accountId, correlationId: cause.correlationId },
      });
      await recordSagaStep(tx, {
        sagaId,
        sagaType: 'close-account',
        step: 'account.request-closure',
        outcome: 'started',
        messageId: message.messageId,
      });
      return { accountId, sagaId, status: 'CLOSING' };
    });
  }
}
