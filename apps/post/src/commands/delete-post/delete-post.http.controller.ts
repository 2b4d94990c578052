import { type Caller, type Cause, CurrentCaller, RequestCause } from '@blog/chassis';
import { Controller, Delete, Headers, HttpCode, Param } from '@nestjs/common';
import { z } from 'zod';
import { parseIfMatch } from '../../infrastructure/http/if-match';
import { parseInput } from '../../infrastructure/http/parse-input';
import { DeletePostHandler } from './delete-post.handler';

@Controller('posts')
export class DeletePostHttpController {
  constructor(private readonly handler: DeletePostHandler) {}

  @Delete(':id')
  @HttpCode(204)
  async delete(
    @Param('id') rawId: string,
    @Headers('if-match') rawIfMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
  ): Promise<void> {
    const postId = parseInput(z.uuid(), rawId, 'post id');
    await this.handler.execute(postId, caller.accountId, parseIfMatch(rawIfMatch), cause);
  }
}
