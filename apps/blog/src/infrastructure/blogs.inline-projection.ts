import type { RecordedEvent } from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import { isBlogEvent } from '../domain/blog.events';

const blogIdOf = (streamId: string) => streamId.replace(/^blog-/, '');

/** The `blogs` read model (queries, slug uniqueness, publication checks), never stale. */
export async function projectBlogs(tx: SqlClient, events: readonly RecordedEvent[]): Promise<void> {
  for (const event of events) {
    if (!isBlogEvent(event)) continue;
    const key = [blogIdOf(event.streamId), event.version, event.recordedAt];
    switch (event.type) {
      case 'BlogCreated':
        await tx.query(
          `INSERT INTO blogs (blog_id, version, created_at, updated_at, owner_id, title, slug,
                              description, status)
           VALUES ($1, $2, $3, $3, $4, $5, $6, $7, 'ACTIVE')`,
          [...key, event.data.ownerId, event.data.title, event.data.slug, event.data.description],
        );
        break;
      case 'BlogUpdated':
        await tx.query(
          `UPDATE blogs SET version = $2, updated_at = $3, title = $4, description = $5
            WHERE blog_id = $1`,
          [...key, event.data.title, event.data.description],
        );
        break;
      case 'BlogDeletionRequested':
        await tx.query(
          `UPDATE blogs SET version = $2, updated_at = $3, status = 'DELETING',
                  deletion_saga_id = $4, closure_saga_id = $5
            WHERE blog_id = $1`,
          [...key, event.data.sagaId, event.data.closureSagaId],
        );
        break;
      case 'BlogDeletionConfirmed':
        await tx.query(`UPDATE blogs SET version = $2, updated_at = $3 WHERE blog_id = $1`, key);
        break;
      case 'BlogDeleted':
        await tx.query(
          `UPDATE blogs SET version = $2, updated_at = $3, status = 'DELETED', deleted_at = $3
            WHERE blog_id = $1`,
          key,
        );
        break;
      case 'BlogDeletionCancelled':
      case 'BlogDeletionTimedOut':
        await tx.query(
          `UPDATE blogs SET version = $2, updated_at = $3, status = 'ACTIVE',
                  deletion_saga_id = NULL, closure_saga_id = NULL
            WHERE blog_id = $1`,
          key,
        );
        break;
      default: {
        const unknown: never = event;
        throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
      }
    }
  }
}
