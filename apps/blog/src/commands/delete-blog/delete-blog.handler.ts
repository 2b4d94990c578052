import { type Cause, eventContextOf, messageContextOf, PG_POOL } from '@blog/chassis';
import { BlogMessages } from '@blog/contracts';
import { EventStore, retryOnConflict } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { deadlineAt, recordSagaStep, scheduleDeadline } from '@blog/saga';
import { inTransaction, type SqlClient } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DeletionRequester } from '../../domain/blog.commands';
import { DELETE_BLOG_SAGA } from '../../domain/blog.sagas';
import { BLOG_CONFIG, type BlogConfig } from '../../infrastructure/blog-config';
import { executeBlogCommand } from '../../infrastructure/blog-event-store';
import { DELETION_DEADLINE, type DeletionDeadlinePayload } from './deletion-deadline';

export interface DeletionStarted {
  readonly blogId: string;
  readonly sagaId: string;
  readonly status: 'DELETING';
}

/**
 * Starts saga 3: in one transaction the blog goes DELETING under the saga's lock, the
 * deadline is set, BlogDeletionRequested goes to the outbox and the saga log says so.
 */
@Injectable()
export class DeleteBlogHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
    @Inject(BLOG_CONFIG) private readonly config: BlogConfig,
  ) {}

  execute(blogId: string, callerId: string, cause: Cause): Promise<DeletionStarted> {
    return retryOnConflict(() =>
      inTransaction(this.pool, (tx) =>
        this.requestDeletion(tx, blogId, { kind: 'owner', accountId: callerId }, cause),
      ),
    );
  }

  async requestDeletion(
    tx: SqlClient,
    blogId: string,
    requester: DeletionRequester,
    cause: Cause,
  ): Promise<DeletionStarted> {
    const sagaId = randomUUID();
    const command = { type: 'RequestDeletion', sagaId, requester } as const;
    const { state } = await executeBlogCommand(
      tx,
      this.store,
      blogId,
      command,
      eventContextOf(cause, sagaId),
    );
    if (state.status === 'NONE') throw new Error(`blog ${blogId} vanished while deleting`);
    const payload: DeletionDeadlinePayload = { blogId, correlationId: cause.correlationId };
    await scheduleDeadline(tx, {
      sagaId,
      sagaType: DELETE_BLOG_SAGA,
      name: DELETION_DEADLINE,
      dueAt: deadlineAt(new Date(), this.config.BLOG_DELETION_TIMEOUT_MS),
      payload,
    });
    const message = outboxMessageOf(
      BlogMessages.BlogDeletionRequested,
      blogId,
      { blogId, ownerId: state.ownerId },
      messageContextOf(cause, sagaId),
    );
    await publishToOutbox(tx, [message]);
    await recordSagaStep(tx, {
      sagaId,
      sagaType: DELETE_BLOG_SAGA,
      step: 'blog.request-deletion',
      outcome: 'started',
      messageId: message.messageId,
    });
    return { blogId, sagaId, status: 'DELETING' };
  }
}
