import { Controller, Get, Query } from '@nestjs/common';
import { type Caller, CurrentCaller } from '@blog/chassis';
import { decodeCursor, PageParams } from '../../infrastructure/cursor';
import { parseInput } from '../../infrastructure/parse-input';
import { type Page, MySubscriptionsQuery, type SubscriptionItem } from './my-subscriptions.query';

/** `GET /subscriptions?limit=&cursor=` → `{ items, nextCursor }` */
@Controller('subscriptions')
export class MySubscriptionsHttpController {
  constructor(private readonly mySubscriptions: MySubscriptionsQuery) {}

  @Get()
  list(@Query() query: unknown, @CurrentCaller() caller: Caller): Promise<Page<SubscriptionItem>> {
    const { limit, cursor } = parseInput(PageParams, query, 'query');
    return this.mySubscriptions.execute(caller.accountId, { limit, after: decodeCursor(cursor) });
  }
}
