import { type Cause, eventContextOf } from '@blog/chassis';
import { EventStore } from '@blog/eventstore';
import type { Deadline } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { Injectable } from '@nestjs/common';
import { DELETE_BLOG_SAGA } from '../../domain/blog.sagas';
import { executeBlogCommand, SYSTEM_ACTOR } from '../../infrastructure/blog-event-store';
import { deletionDeadlinePayload } from '../delete-blog/deletion-deadline';
import { announceDeletionOutcome } from '../delete-blog/deletion-outcome';

/**
 * The deletion's deadline passed: if the blog is still DELETING under that saga it is
 * ACTIVE again (BlogDeletionTimedOut; participants undo their part). Runs in the deadline
 * worker's transaction, which marks the deadline fired with it.
 */
@Injectable()
export class TimeOutDeletionHandler {
  constructor(private readonly store: EventStore) {}

  async execute(tx: SqlClient, deadline: Deadline): Promise<void> {
    if (deadline.sagaType !== DELETE_BLOG_SAGA) return;
    const { blogId, correlationId } = deletionDeadlinePayload.parse(deadline.payload);
    const cause: Cause = {
      correlationId,
      causationId: null,
      actor: SYSTEM_ACTOR,
    };
    const command = { type: 'TimeOutDeletion', sagaId: deadline.sagaId } as const;
    const { events } = await executeBlogCommand(
      tx,
      this.store,
      blogId,
      command,
      eventContextOf(cause, deadline.sagaId),
    );
    await announceDeletionOutcome(tx, blogId, events, cause);
  }
}
