import {
  type Caller,
  CurrentCaller,
  decodeSeqCursor,
  Endpoint,
  pageOf,
  pageQuery,
} from '@blog/chassis';
import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { route } from '../../infrastructure/http/route';
import { postSummary } from '../post.view';
import { ListPostsQuery } from './list-posts.query';

export const listPosts = route({
  method: 'GET',
  path: '/posts',
  operationId: 'listPosts',
  summary: 'A blog’s posts, newest first',
  description:
    'Anonymous callers (and other users) see PUBLISHED posts only; authors see their own too.',
  tag: 'posts',
  access: 'public',
  query: pageQuery.extend({
    blogId: z.uuid().describe('The blog whose posts to list'),
    status: z.enum(['DRAFT', 'PUBLISHING', 'PUBLISHED', 'ARCHIVED']).optional(),
  }),
  answers: { 200: { description: 'One page of posts', body: pageOf(postSummary) } },
  refusals: [{ status: 400, code: 'POST.INVALID_CURSOR', when: 'a cursor this API did not issue' }],
});

@Controller()
export class ListPostsHttpController {
  constructor(private readonly query: ListPostsQuery) {}

  @Endpoint(listPosts)
  list(@Req() request: FastifyRequest, @CurrentCaller() caller: Caller | undefined) {
    const { blogId, status, limit, cursor } = listPosts.parse(request).query;
    const callerId =
      caller && z.uuid().safeParse(caller.accountId).success ? caller.accountId : undefined;
    return this.query.execute({
      blogId,
      status,
      callerId,
      limit,
      afterSeq: decodeSeqCursor(cursor, 'POST.INVALID_CURSOR'),
    });
  }
}
