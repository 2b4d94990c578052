import { type Caller, CurrentCaller, decodeSeqCursor, Public } from '@blog/chassis';
import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '../../infrastructure/http/parse-input';
import { ListPostsQuery } from './list-posts.query';

const listPostsQuery = z.object({
  blogId: z.uuid(),
  status: z.enum(['DRAFT', 'PUBLISHING', 'PUBLISHED', 'ARCHIVED']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

/** Anonymous callers (and other users) see PUBLISHED posts only; authors see their own too. */
@Controller('posts')
export class ListPostsHttpController {
  constructor(private readonly query: ListPostsQuery) {}

  @Get()
  @Public()
  list(@Query() rawQuery: unknown, @CurrentCaller() caller: Caller | undefined) {
    const { blogId, status, limit, cursor } = parseInput(listPostsQuery, rawQuery, 'query');
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
