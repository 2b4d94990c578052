import { type Caller, type Cause, CurrentCaller, Endpoint, RequestCause } from '@blog/chassis';
import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseIfMatch } from '../../infrastructure/http/if-match';
import {
  ifMatchHeaders,
  POST_CHANGE_REFUSALS,
  postIdParams,
  route,
} from '../../infrastructure/http/route';
import { PublishPostHandler } from './publish-post.handler';

export const publishPost = route({
  method: 'POST',
  path: '/posts/:postId/publish',
  operationId: 'publishPost',
  summary: 'Publish a draft (saga 2)',
  description:
    'Publication is a saga: `GET /api/posts/{postId}` shows PUBLISHING, then PUBLISHED, or DRAFT again with `publication.reason`.',
  tag: 'posts',
  access: 'caller',
  params: postIdParams,
  headers: ifMatchHeaders(false),
  answers: {
    202: {
      description: 'The publication started',
      body: z
        .object({ postId: z.uuid(), sagaId: z.string(), status: z.literal('PUBLISHING') })
        .meta({ id: 'PublicationStarted' }),
    },
  },
  refusals: [
    ...POST_CHANGE_REFUSALS,
    { status: 409, code: 'POST.ALREADY_PUBLISHED', when: 'the post is already published' },
  ],
});

@Controller()
export class PublishPostHttpController {
  constructor(private readonly handler: PublishPostHandler) {}

  @Endpoint(publishPost)
  publish(
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
  ) {
    const { params, headers } = publishPost.parse(request);
    return this.handler.execute(
      params.postId,
      caller.accountId,
      parseIfMatch(headers['if-match']),
      cause,
    );
  }
}
