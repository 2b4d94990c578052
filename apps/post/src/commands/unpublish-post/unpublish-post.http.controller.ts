import { type Caller, type Cause, CurrentCaller, Endpoint, RequestCause } from '@blog/chassis';
import { Controller, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseIfMatch } from '../../infrastructure/http/if-match';
import {
  ifMatchHeaders,
  POST_CHANGE_REFUSALS,
  postIdParams,
  route,
} from '../../infrastructure/http/route';
import { etagOf, postView } from '../../queries/post.view';
import { UnpublishPostHandler } from './unpublish-post.handler';

export const unpublishPost = route({
  method: 'POST',
  path: '/posts/:postId/unpublish',
  operationId: 'unpublishPost',
  summary: 'Take a published post back to DRAFT',
  tag: 'posts',
  access: 'caller',
  params: postIdParams,
  headers: ifMatchHeaders(false),
  answers: {
    200: {
      description: 'The post, a draft again',
      body: postView,
      headers: { etag: 'Its new version' },
    },
  },
  refusals: [
    ...POST_CHANGE_REFUSALS,
    { status: 409, code: 'POST.NOT_PUBLISHED', when: 'the post is not published' },
  ],
});

@Controller()
export class UnpublishPostHttpController {
  constructor(private readonly handler: UnpublishPostHandler) {}

  @Endpoint(unpublishPost)
  async unpublish(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { params, headers } = unpublishPost.parse(request);
    const post = await this.handler.execute(
      params.postId,
      caller.accountId,
      parseIfMatch(headers['if-match']),
      cause,
    );
    void reply.header('etag', etagOf(post));
    return post;
  }
}
