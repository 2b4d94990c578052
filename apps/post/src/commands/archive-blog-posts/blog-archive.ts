import { type Cause, eventContextOf, messageContextOf } from '@blog/chassis';
import { PostMessages } from '@blog/contracts';
import type { EventStore } from '@blog/eventstore';
import { publishToOutbox, outboxMessageOf } from '@blog/outbox';
import { recordSagaStep } from '@blog/saga';
import type { SqlClient } from '@blog/sql';
import { DELETE_BLOG_SAGA } from '../../domain/post.sagas';
import { readKnownBlog } from '../../infrastructure/known-blogs';
import { executePostCommand } from '../../infrastructure/post-event-store';

/**
 * Archives a DELETING blog's posts and confirms (BlogPostsArchived) — unless a publication
 * is still in flight: then the archive waits (`archive_pending`) and runs in the
 * transaction that resolves the last one. The blog rejects publications while it is
 * DELETING, so that wait ends within a publication's deadline and the deletion wins.
 * Returns whether the archive ran.
 */
export async function archiveBlogPostsIfReady(
  tx: SqlClient,
  store: EventStore,
  blogId: string,
  cause: Cause,
): Promise<boolean> {
  const blog = await readKnownBlog(tx, blogId, 'update');
  if (!blog || blog.status !== 'DELETING' || !blog.archivePending || !blog.deletionSagaId) {
    return false;
  }
  const sagaId = blog.deletionSagaId;
  const { rows } = await tx.query<{ post_id: string; status: string }>(
    `SELECT post_id, status FROM posts
      WHERE blog_id = $1 AND status IN ('DRAFT', 'PUBLISHED', 'PUBLISHING') ORDER BY seq`,
    [blogId],
  );
  if (rows.some((row) => row.status === 'PUBLISHING')) return false;
  const archived: string[] = [];
  for (const { post_id: postId } of rows) {
    const command = { type: 'ArchivePost', sagaId } as const;
    const { events } = await executePostCommand(
      tx,
      store,
      postId,
      command,
      eventContextOf(cause, sagaId),
    );
    if (events.length > 0) archived.push(postId);
  }
  await tx.query(
    `UPDATE known_blogs SET archive_pending = false, updated_at = now() WHERE blog_id = $1`,
    [blogId],
  );
  await publishToOutbox(tx, [
    outboxMessageOf(
      PostMessages.BlogPostsArchived,
      blogId,
      { blogId, postIds: archived },
      messageContextOf(cause, sagaId),
    ),
  ]);
  await recordSagaStep(tx, {
    sagaId,
    sagaType: DELETE_BLOG_SAGA,
    step: 'post.archive-blog-posts',
    outcome: 'succeeded',
    messageId: cause.causationId,
  });
  return true;
}
