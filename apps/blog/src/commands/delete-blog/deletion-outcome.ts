import { type Cause, messageContextOf } from '@blog/chassis';
import { BlogMessages } from '@blog/contracts';
import type { RecordedEvent } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { cancelDeadline, recordSagaStep, type SagaOutcome } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import type { BlogEvent } from '../../domain/blog.events';
import { DELETE_BLOG_SAGA } from '../../domain/blog.sagas';
import { completeAccountClosures } from '../delete-account-blogs/account-closure-completion';
import { DELETION_DEADLINE } from './deletion-deadline';

async function logStep(
  tx: SqlClient,
  sagaId: string,
  step: string,
  outcome: SagaOutcome,
  cause: Cause,
  error: string | null = null,
): Promise<void> {
  await recordSagaStep(tx, {
    sagaId,
    sagaType: DELETE_BLOG_SAGA,
    step,
    outcome,
    messageId: cause.causationId,
    error,
  });
}

/**
 * What saga 3's events mean outside the blog, written in the transaction that appended
 * them: the end of the wait (deadline), the message participants react to, the saga log,
 * and — when the blog is DELETED — the account closures waiting for it.
 */
export async function announceDeletionOutcome(
  tx: SqlClient,
  blogId: string,
  events: readonly RecordedEvent<BlogEvent>[],
  cause: Cause,
): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case 'BlogDeletionConfirmed':
        await logStep(
          tx,
          event.data.sagaId,
          `blog.confirmed-by-${event.data.participant}`,
          'succeeded',
          cause,
        );
        break;
      case 'BlogDeleted': {
        const { sagaId } = event.data;
        await cancelDeadline(tx, sagaId, DELETION_DEADLINE);
        await publishToOutbox(tx, [
          outboxMessageOf(
            BlogMessages.BlogDeleted,
            blogId,
            { blogId },
            messageContextOf(cause, sagaId),
          ),
        ]);
        await logStep(tx, sagaId, 'blog.complete-deletion', 'succeeded', cause);
        await completeAccountClosures(tx, blogId, cause);
        break;
      }
      case 'BlogDeletionCancelled': {
        const { sagaId, participant, reason } = event.data;
        await cancelDeadline(tx, sagaId, DELETION_DEADLINE);
        await publishToOutbox(tx, [
          outboxMessageOf(
            BlogMessages.BlogDeletionCancelled,
            blogId,
            { blogId, reason: `${participant}: ${reason}`.slice(0, 500) },
            messageContextOf(cause, sagaId),
          ),
        ]);
        await logStep(tx, sagaId, 'blog.cancel-deletion', 'compensated', cause, reason);
        break;
      }
      case 'BlogDeletionTimedOut': {
        const { sagaId, missing } = event.data;
        await publishToOutbox(tx, [
          outboxMessageOf(
            BlogMessages.BlogDeletionTimedOut,
            blogId,
            { blogId, missing: [...missing] },
            messageContextOf(cause, sagaId),
          ),
        ]);
        await logStep(
          tx,
          sagaId,
          'blog.time-out-deletion',
          'timed_out',
          cause,
          `no answer from ${missing.join(', ')}`,
        );
        break;
      }
      case 'BlogCreated':
      case 'BlogUpdated':
      case 'BlogDeletionRequested':
        break;
      default: {
        const unknown: never = event;
        throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
      }
    }
  }
}
