import type { SqlClient } from '@blog/sql';
import { Injectable } from '@nestjs/common';

/**
 * post's own knowledge of blogs, from blog's events: a new blog is ACTIVE; a deleted one
 * stays DELETED (its posts stay archived). The deletion's start and its compensation
 * have their own handlers, since they touch posts.
 */
@Injectable()
export class LearnBlogHandler {
  async created(tx: SqlClient, blogId: string, ownerId: string): Promise<void> {
    await tx.query(
      `INSERT INTO known_blogs (blog_id, owner_id, status) VALUES ($1, $2, 'ACTIVE')
       ON CONFLICT (blog_id) DO NOTHING`,
      [blogId, ownerId],
    );
  }

  async deleted(tx: SqlClient, blogId: string): Promise<void> {
    await tx.query(
      `UPDATE known_blogs SET status = 'DELETED', deletion_saga_id = NULL, archive_pending = false,
              updated_at = now()
        WHERE blog_id = $1`,
      [blogId],
    );
  }
}
