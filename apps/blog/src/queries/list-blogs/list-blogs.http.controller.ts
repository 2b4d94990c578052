import { decodeSeqCursor, Endpoint, pageOf, pageQuery } from '@blog/chassis';
import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { route } from '../../infrastructure/http/route';
import { blogView } from '../blog.view';
import { ListBlogsQuery } from './list-blogs.query';

export const listBlogs = route({
  method: 'GET',
  path: '/blogs',
  operationId: 'listBlogs',
  summary: 'List blogs, newest first',
  description: 'Every blog that is not deleted, or one owner’s with `owner`.',
  tag: 'blogs',
  access: 'public',
  query: pageQuery.extend({ owner: z.uuid().optional().describe('Only this account’s blogs') }),
  answers: { 200: { description: 'One page of blogs', body: pageOf(blogView) } },
  refusals: [{ status: 400, code: 'BLOG.INVALID_CURSOR', when: 'a cursor this API did not issue' }],
});

@Controller()
export class ListBlogsHttpController {
  constructor(private readonly query: ListBlogsQuery) {}

  @Endpoint(listBlogs)
  list(@Req() request: FastifyRequest) {
    const { owner, limit, cursor } = listBlogs.parse(request).query;
    return this.query.execute(owner ?? null, limit, decodeSeqCursor(cursor, 'BLOG.INVALID_CURSOR'));
  }
}
