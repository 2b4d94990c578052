import { causeOfMessage, eventContextOf } from '@blog/chassis';
import type { MessageEnvelope } from '@blog/consumer';
import { EventStore } from '@blog/eventstore';
import { recordSagaStep } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { Injectable } from '@nestjs/common';
import { DELETE_BLOG_SAGA } from '../../domain/post.sagas';
import { readKnownBlog } from '../../infrastructure/known-blogs';
import { executePostCommand, SYSTEM_ACTOR } from '../../infrastructure/post-event-store';

/**
 * Saga 3 compensation (cancelled or timed out): the blog is ACTIVE again and every post
 * archived for that saga is back to what it was. Nothing else is touched.
 */
@Injectable()
export class RestoreBlogPostsHandler {
  constructor(private readonly store: EventStore) {}

  async execute(tx: SqlClient, blogId: string, envelope: MessageEnvelope): Promise<void> {
    const sagaId = envelope.sagaId;
    const blog = await readKnownBlog(tx, blogId, 'update');
    if (sagaId === null || !blog || blog.deletionSagaId !== sagaId) return;
    await tx.query(
      `UPDATE known_blogs SET status = 'ACTIVE', deletion_saga_id = NULL, archive_pending = false,
              updated_at = now()
        WHERE blog_id = $1`,
      [blogId],
    );
    const cause = causeOfMessage(envelope, SYSTEM_ACTOR);
    const { rows } = await tx.query<{ post_id: string }>(
      `SELECT post_id FROM posts WHERE archive_saga_id = $1 ORDER BY seq`,
      [sagaId],
    );
    for (const { post_id: postId } of rows) {
      const command = { type: 'RestorePost', sagaId } as const;
      await executePostCommand(tx, this.store, postId, command, eventContextOf(cause, sagaId));
    }
    await recordSagaStep(tx, {
      sagaId,
      sagaType: DELETE_BLOG_SAGA,
      step: 'post.restore-blog-posts',
      outcome: 'compensated',
      messageId: envelope.messageId,
    });
  }
}
