import { type Caller, type Cause, CurrentCaller, Endpoint, RequestCause } from '@blog/chassis';
import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { parseIfMatch } from '../../infrastructure/http/if-match';
import {
  ifMatchHeaders,
  POST_CHANGE_REFUSALS,
  postIdParams,
  route,
} from '../../infrastructure/http/route';
import { DeletePostHandler } from './delete-post.handler';

export const deletePost = route({
  method: 'DELETE',
  path: '/posts/:postId',
  operationId: 'deletePost',
  summary: 'Delete a post you wrote',
  tag: 'posts',
  access: 'caller',
  params: postIdParams,
  headers: ifMatchHeaders(false),
  answers: { 204: { description: 'Deleted' } },
  refusals: [...POST_CHANGE_REFUSALS],
});

@Controller()
export class DeletePostHttpController {
  constructor(private readonly handler: DeletePostHandler) {}

  @Endpoint(deletePost)
  async delete(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
  ): Promise<void> {
    const { params, headers } = deletePost.parse(request);
    await this.handler.execute(
      params.postId,
      caller.accountId,
      parseIfMatch(headers['if-match']),
      cause,
    );
  }
}
