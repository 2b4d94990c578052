import { Controller, Get, Query } from '@nestjs/common';
import { type Caller, CurrentCaller } from '@blog/chassis';
import { decodeCursor, PageParams } from '../../infrastructure/cursor';
import { parseInput } from '../../infrastructure/parse-input';
import type { Page } from '../my-subscriptions/my-subscriptions.query';
import { type FeedItem, MyFeedQuery } from './my-feed.query';

/** `GET /feed?limit=&cursor=` → `{ items, nextCursor }` */
@Controller('feed')
export class MyFeedHttpController {
  constructor(private readonly myFeed: MyFeedQuery) {}

  @Get()
  list(@Query() query: unknown, @CurrentCaller() caller: Caller): Promise<Page<FeedItem>> {
    const { limit, cursor } = parseInput(PageParams, query, 'query');
    return this.myFeed.execute(caller.accountId, { limit, after: decodeCursor(cursor) });
  }
}
