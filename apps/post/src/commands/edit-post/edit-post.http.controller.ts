import { type Caller, type Cause, CurrentCaller, RequestCause } from '@blog/chassis';
import { Body, Controller, Headers, Param, Patch, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseIfMatch } from '../../infrastructure/http/if-match';
import { parseInput } from '../../infrastructure/http/parse-input';
import {
  PreconditionRequiredError,
  PreconditionRequiredFilter,
} from '../../infrastructure/http/precondition-required.filter';
import { etagOf } from '../../queries/post.view';
import { EditPostHandler } from './edit-post.handler';
import { editPostRequest } from './edit-post.request.dto';

/** If-Match is required (428 without it; `*` explicitly accepts any version). */
@Controller('posts')
@UseFilters(PreconditionRequiredFilter)
export class EditPostHttpController {
  constructor(private readonly handler: EditPostHandler) {}

  @Patch(':id')
  async edit(
    @Param('id') rawId: string,
    @Body() body: unknown,
    @Headers('if-match') rawIfMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const postId = parseInput(z.uuid(), rawId, 'post id');
    const ifMatch = parseIfMatch(rawIfMatch);
    if (!ifMatch) {
      throw new PreconditionRequiredError('Send If-Match with the ETag of the post you edit');
    }
    const edit = parseInput(editPostRequest, body, 'post edit');
    const post = await this.handler.execute(postId, caller.accountId, edit, ifMatch, cause);
    void reply.header('etag', etagOf(post));
    return post;
  }
}
