import type { RecordedEvent } from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import { isPostEvent } from '../domain/post.events';

const postIdOf = (streamId: string) => streamId.replace(/^post-/, '');

const SET = 'version = $2, updated_at = $3';

/** The `posts` read model (queries, slug uniqueness, a blog's posts by status), never stale. */
export async function projectPosts(tx: SqlClient, events: readonly RecordedEvent[]): Promise<void> {
  for (const event of events) {
    if (!isPostEvent(event)) continue;
    const key = [postIdOf(event.streamId), event.version, event.recordedAt];
    const update = (assignments: string, values: unknown[] = []) =>
      tx.query(`UPDATE posts SET ${SET}, ${assignments} WHERE post_id = $1`, [...key, ...values]);
    switch (event.type) {
      case 'PostDrafted':
        await tx.query(
          `INSERT INTO posts (post_id, version, created_at, updated_at, blog_id, author_id, title,
                              slug, body, status)
           VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, 'DRAFT')`,
          [
            ...key,
            event.data.blogId,
            event.data.authorId,
            event.data.title,
            event.data.slug,
            event.data.body,
          ],
        );
        break;
      case 'PostEdited':
        await update('title = $4, slug = $5, body = $6', [
          event.data.title,
          event.data.slug,
          event.data.body,
        ]);
        break;
      case 'PostPublicationRequested':
        await update(
          `status = 'PUBLISHING', lock_saga_id = $4, lock_saga_type = 'publish-post',
           publication_saga_id = $4, publication_status = 'PENDING', publication_reason = NULL`,
          [event.data.sagaId],
        );
        break;
      case 'PostPublished':
        await update(
          `status = 'PUBLISHED', lock_saga_id = NULL, lock_saga_type = NULL, published_at = $4,
           publication_status = 'PUBLISHED'`,
          [event.data.publishedAt],
        );
        break;
      case 'PostPublicationReverted':
        await update(
          `status = 'DRAFT', lock_saga_id = NULL, lock_saga_type = NULL,
           publication_status = 'REJECTED', publication_reason = $4`,
          [event.data.reason],
        );
        break;
      case 'PostPublicationTimedOut':
        await update(
          `status = 'DRAFT', lock_saga_id = NULL, lock_saga_type = NULL,
           publication_status = 'TIMED_OUT'`,
        );
        break;
      case 'PostUnpublished':
        await update(`status = 'DRAFT'`);
        break;
      case 'PostDeleted':
        await update(`status = 'DELETED', lock_saga_id = NULL, lock_saga_type = NULL`);
        break;
      case 'PostArchived':
        await update(`status = 'ARCHIVED', archive_saga_id = $4`, [event.data.sagaId]);
        break;
      case 'PostRestored':
        await update(`status = $4, archive_saga_id = NULL`, [event.data.status]);
        break;
      default: {
        const unknown: never = event;
        throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
      }
    }
  }
}
