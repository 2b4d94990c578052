import type { SqlClient } from '@blog/sql';
import type { BlogAvailability } from '../domain/subscription.commands';

/**
 * The blog as subscribe's read model has it, row-locked: commands that add or remove a
 * subscription share the lock, saga 3 takes it alone, so the number of subscriptions it
 * closes is exactly the number it marks.
 */
export async function lockBlog(
  tx: SqlClient,
  blogId: string,
  mode: 'share' | 'update',
): Promise<BlogAvailability> {
  const { rows } = await tx.query<{ status: 'active' | 'deleting' | 'deleted' }>(
    `SELECT status FROM blogs WHERE blog_id = $1 FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
    [blogId],
  );
  return rows[0]?.status ?? 'unknown';
}
