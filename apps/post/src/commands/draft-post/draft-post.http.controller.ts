import {
  accountIdOf,
  type Caller,
  type Cause,
  CurrentCaller,
  Endpoint,
  RequestCause,
} from '@blog/chassis';
import { Controller, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { POST_REFUSALS, route } from '../../infrastructure/http/route';
import { etagOf, postView } from '../../queries/post.view';
import { DraftPostHandler } from './draft-post.handler';
import { draftPostRequest } from './draft-post.request.dto';

export const draftPost = route({
  method: 'POST',
  path: '/posts',
  operationId: 'draftPost',
  summary: 'Write a draft in a blog you own',
  tag: 'posts',
  access: 'caller',
  body: draftPostRequest,
  answers: {
    201: {
      description: 'The draft',
      body: postView,
      headers: { location: 'The new post: `/api/posts/{postId}`', etag: 'Its version' },
    },
  },
  refusals: [
    { status: 403, code: 'POST.INVALID_ACCOUNT', when: 'the caller is not an account' },
    {
      status: 404,
      code: 'POST.BLOG_NOT_FOUND',
      when: 'no such blog (yet: post learns of a new blog a moment after it is created)',
    },
    { status: 403, code: 'POST.NOT_BLOG_OWNER', when: 'the blog is not yours' },
    {
      status: 409,
      code: 'LOCKED',
      when: 'the blog is being deleted (saga 3): `details` name the saga',
    },
    POST_REFUSALS.concurrency,
  ],
});

@Controller()
export class DraftPostHttpController {
  constructor(private readonly handler: DraftPostHandler) {}

  @Endpoint(draftPost)
  async draft(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { body } = draftPost.parse(request);
    const post = await this.handler.execute(
      accountIdOf(caller, 'POST.INVALID_ACCOUNT'),
      body,
      cause,
    );
    void reply.header('location', `/posts/${post.id}`).header('etag', etagOf(post));
    return post;
  }
}
