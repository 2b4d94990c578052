import type { SqlClient } from '@blog/sql';
import type { KnownBlog } from '../domain/known-blog';

interface KnownBlogRow {
  blog_id: string;
  owner_id: string;
  status: KnownBlog['status'];
  deletion_saga_id: string | null;
  archive_pending: boolean;
}

export type KnownBlogRecord = KnownBlog & { readonly archivePending: boolean };

/**
 * Reads what post knows of a blog. `share`: drafts and publications, so a deletion
 * arriving meanwhile waits for them (and then sees them) or they wait and see DELETING.
 * `update`: the consumers that change the blog's lifecycle or its posts.
 */
export async function readKnownBlog(
  tx: SqlClient,
  blogId: string,
  lock: 'share' | 'update',
): Promise<KnownBlogRecord | null> {
  const { rows } = await tx.query<KnownBlogRow>(
    `SELECT blog_id, owner_id, status, deletion_saga_id, archive_pending FROM known_blogs
      WHERE blog_id = $1 FOR ${lock === 'share' ? 'SHARE' : 'UPDATE'}`,
    [blogId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    blogId: row.blog_id,
    ownerId: row.owner_id,
    status: row.status,
    deletionSagaId: row.deletion_saga_id,
    archivePending: row.archive_pending,
  };
}
