import { freeSlug, slugOf } from '@blog/contracts';
import type { SqlClient } from '@blog/sql';

/** The first free slug of `title` among the blog's posts (other than `postId` itself). */
export async function freePostSlug(
  tx: SqlClient,
  blogId: string,
  title: string,
  postId: string,
): Promise<string> {
  const base = slugOf(title);
  const { rows } = await tx.query<{ slug: string }>(
    `SELECT slug FROM posts
      WHERE blog_id = $1 AND post_id <> $3 AND status <> 'DELETED'
        AND (slug = $2 OR slug LIKE $2 || '-%')`,
    [blogId, base, postId],
  );
  return freeSlug(base, new Set(rows.map((row) => row.slug)));
}

export const POST_SLUG_CONSTRAINT = 'posts_blog_slug_key';
