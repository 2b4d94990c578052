import type { SqlClient } from '@blog/sql';
import { DELETE_BLOG_SAGA } from '../domain/subscribe.sagas';
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
  const { rows } = await tx.query<{
    status: 'active' | 'deleting' | 'deleted';
    deletion_saga_id: string | null;
  }>(
    `SELECT status, deletion_saga_id FROM blogs
      WHERE blog_id = $1 FOR ${mode === 'share' ? 'SHARE' : 'UPDATE'}`,
    [blogId],
  );
  const row = rows[0];
  if (row === undefined) return { status: 'unknown' };
  if (row.status !== 'deleting') return { status: row.status };
  const sagaId = row.deletion_saga_id ?? 'unknown';
  return { status: 'deleting', lock: { sagaId, sagaType: DELETE_BLOG_SAGA } };
}
