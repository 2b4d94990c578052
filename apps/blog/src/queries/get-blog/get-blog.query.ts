import { PG_POOL } from '@blog/chassis';
import type { SqlClient } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { BLOG_COLUMNS, type BlogRow, type BlogView, blogViewOf } from '../blog.view';

export async function findBlog(tx: SqlClient, blogId: string): Promise<BlogView | null> {
  const { rows } = await tx.query<BlogRow>(`SELECT ${BLOG_COLUMNS} FROM blogs WHERE blog_id = $1`, [
    blogId,
  ]);
  return rows[0] ? blogViewOf(rows[0]) : null;
}

/** One blog from the read model; a DELETED blog is visible to its owner only. */
@Injectable()
export class GetBlogQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(blogId: string, callerId: string | undefined): Promise<BlogView | null> {
    const blog = await findBlog(this.pool, blogId);
    if (!blog || (blog.status === 'DELETED' && blog.ownerId !== callerId)) return null;
    return blog;
  }
}
