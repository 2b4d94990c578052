import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import {
  etagOf,
  POST_COLUMNS,
  type PostRow,
  postViewOf,
} from '../../apps/post/src/queries/post.view';

const PostId = z.uuid();

/**
 * The post service's `GET /posts/:id` without Nest: the same columns, query, row mapping and
 * ETag (imported from the service's own view), the same id check and visibility rule
 * (published, or the caller's own: anonymous here, so published only).
 */
export function registerPostRoute(fastify: FastifyInstance, pool: Pool): void {
  fastify.get<{ Params: { id: string } }>('/posts/:id', async (request, reply) => {
    const id = PostId.safeParse(request.params.id);
    if (!id.success) {
      return reply.code(400).send({ code: 'POST.INVALID_INPUT', message: 'Invalid post id' });
    }
    const { rows } = await pool.query<PostRow>(
      `SELECT ${POST_COLUMNS} FROM posts WHERE post_id = $1`,
      [id.data],
    );
    const post = rows[0] ? postViewOf(rows[0]) : null;
    if (!post || post.status !== 'PUBLISHED') {
      return reply.code(404).send({ code: 'POST.NOT_FOUND', message: 'No such post' });
    }
    void reply.header('etag', etagOf(post));
    return post;
  });
}
