import { PG_POOL } from '@blog/chassis';
import type { SqlClient } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { POST_COLUMNS, type PostRow, type PostView, postViewOf } from '../post.view';

export async function findPost(tx: SqlClient, postId: string): Promise<PostView | null> {
  const { rows } = await tx.query<PostRow>(`SELECT ${POST_COLUMNS} FROM posts WHERE post_id = $1`, [
    postId,
  ]);
  return rows[0] ? postViewOf(rows[0]) : null;
}

/** Published posts are public; any other post is its author's only (404 to everyone else). */
@Injectable()
export class GetPostQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(postId: string, callerId: string | undefined): Promise<PostView | null> {
    const post = await findPost(this.pool, postId);
    if (!post || post.status === 'DELETED') return null;
    if (post.status !== 'PUBLISHED' && post.authorId !== callerId) return null;
    return post;
  }
}
