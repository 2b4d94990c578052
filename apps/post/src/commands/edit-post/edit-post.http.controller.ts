import { type Caller, type Cause, CurrentCaller, Endpoint, RequestCause } from '@blog/chassis';
import { Controller, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseIfMatch } from '../../infrastructure/http/if-match';
import {
  PreconditionRequiredError,
  PreconditionRequiredFilter,
} from '../../infrastructure/http/precondition-required.filter';
import {
  ifMatchHeaders,
  POST_CHANGE_REFUSALS,
  postIdParams,
  route,
} from '../../infrastructure/http/route';
import { etagOf, postView } from '../../queries/post.view';
import { EditPostHandler } from './edit-post.handler';
import { editPostRequest } from './edit-post.request.dto';

export const editPost = route({
  method: 'PATCH',
  path: '/posts/:postId',
  operationId: 'editPost',
  summary: 'Edit a post you wrote',
  description: 'If-Match is required: `*` explicitly accepts any version.',
  tag: 'posts',
  access: 'caller',
  params: postIdParams,
  headers: ifMatchHeaders(true),
  body: editPostRequest,
  answers: {
    200: {
      description: 'The post as edited',
      body: postView,
      headers: { etag: 'Its new version' },
    },
  },
  refusals: [
    ...POST_CHANGE_REFUSALS,
    {
      status: 428,
      code: 'POST.PRECONDITION_REQUIRED',
      when: 'no If-Match: say which version you edit',
    },
  ],
});

@Controller()
@UseFilters(PreconditionRequiredFilter)
export class EditPostHttpController {
  constructor(private readonly handler: EditPostHandler) {}

  @Endpoint(editPost)
  async edit(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { params, headers, body } = editPost.parse(request);
    const ifMatch = parseIfMatch(headers['if-match']);
    if (!ifMatch) {
      throw new PreconditionRequiredError('Send If-Match with the ETag of the post you edit');
    }
    const post = await this.handler.execute(params.postId, caller.accountId, body, ifMatch, cause);
    void reply.header('etag', etagOf(post));
    return post;
  }
}
