import { causeOfMessage } from '@blog/chassis';
import type { MessageEnvelope } from '@blog/consumer';
import { EventStore } from '@blog/eventstore';
import { MissingSagaIdError, recordSagaStep } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { Injectable } from '@nestjs/common';
import { DELETE_BLOG_SAGA } from '../../domain/post.sagas';
import { SYSTEM_ACTOR } from '../../infrastructure/post-event-store';
import { archiveBlogPostsIfReady } from './blog-archive';

/**
 * Saga 3, post's step: the blog is DELETING. From now on post refuses drafts and
 * publications in it (the row is its lock); its posts are archived now, or — while a
 * publication is in flight — as soon as the last one resolves.
 */
@Injectable()
export class ArchiveBlogPostsHandler {
  constructor(private readonly store: EventStore) {}

  async execute(
    tx: SqlClient,
    blog: { readonly blogId: string; readonly ownerId: string },
    envelope: MessageEnvelope,
  ): Promise<void> {
    const sagaId = envelope.sagaId;
    if (sagaId === null)
      throw new MissingSagaIdError(`BlogDeletionRequested ${envelope.messageId}`);
    await tx.query(
      `INSERT INTO known_blogs (blog_id, owner_id, status, deletion_saga_id, archive_pending)
       VALUES ($1, $2, 'DELETING', $3, true)
       ON CONFLICT (blog_id) DO UPDATE
         SET status = 'DELETING', deletion_saga_id = $3, archive_pending = true, updated_at = now()`,
      [blog.blogId, blog.ownerId, sagaId],
    );
    const cause = causeOfMessage(envelope, SYSTEM_ACTOR);
    if (await archiveBlogPostsIfReady(tx, this.store, blog.blogId, cause)) return;
    await recordSagaStep(tx, {
      sagaId,
      sagaType: DELETE_BLOG_SAGA,
      step: 'post.archive-blog-posts',
      outcome: 'started',
      messageId: envelope.messageId,
      error: 'waiting for publications in flight',
    });
  }
}
