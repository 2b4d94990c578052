import { decodeSeqCursor, Public } from '@blog/chassis';
import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '../../infrastructure/http/parse-input';
import { ListBlogsQuery } from './list-blogs.query';

const listBlogsQuery = z.object({
  owner: z.uuid(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

@Controller('blogs')
export class ListBlogsHttpController {
  constructor(private readonly query: ListBlogsQuery) {}

  @Get()
  @Public()
  list(@Query() rawQuery: unknown) {
    const { owner, limit, cursor } = parseInput(listBlogsQuery, rawQuery, 'query');
    return this.query.execute(owner, limit, decodeSeqCursor(cursor, 'BLOG.INVALID_CURSOR'));
  }
}
