import { AppError, type Caller, CurrentCaller, Endpoint } from '@blog/chassis';
import { Controller, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { POST_REFUSALS, postIdParams, route } from '../../infrastructure/http/route';
import { etagOf, postView } from '../post.view';
import { GetPostQuery } from './get-post.query';

export const getPost = route({
  method: 'GET',
  path: '/posts/:postId',
  operationId: 'getPost',
  summary: 'A post',
  description: 'A post that is not PUBLISHED is shown to its author only.',
  tag: 'posts',
  access: 'public',
  params: postIdParams,
  answers: {
    200: {
      description: 'The post',
      body: postView,
      headers: { etag: 'The post’s version, for If-Match' },
    },
  },
  refusals: [POST_REFUSALS.notFound],
});

@Controller()
export class GetPostHttpController {
  constructor(private readonly query: GetPostQuery) {}

  @Endpoint(getPost)
  async get(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { postId } = getPost.parse(request).params;
    const post = await this.query.execute(postId, caller?.accountId);
    if (!post) throw new AppError('not-found', POST_REFUSALS.notFound.code, 'No such post');
    void reply.header('etag', etagOf(post));
    return post;
  }
}
