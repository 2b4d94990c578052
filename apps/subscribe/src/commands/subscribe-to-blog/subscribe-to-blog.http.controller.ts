import { Body, Controller, Post, Res } from '@nestjs/common';
import {
  type Caller,
  type Cause,
  CurrentCaller,
  eventContextOf,
  RequestCause,
} from '@blog/chassis';
import type { FastifyReply } from 'fastify';
import { parseInput } from '../../infrastructure/parse-input';
import { SubscribeToBlogHandler, type SubscriptionView } from './subscribe-to-blog.handler';
import { SubscribeToBlogRequest } from './subscribe-to-blog.request.dto';

/** `POST /subscriptions`: 201 when it subscribes, 200 when the caller already was. */
@Controller('subscriptions')
export class SubscribeToBlogHttpController {
  constructor(private readonly subscribeToBlog: SubscribeToBlogHandler) {}

  @Post()
  async subscribe(
    @Body() body: unknown,
    @CurrentCaller() caller: Caller,
    @RequestCause() cause: Cause,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubscriptionView> {
    const { blogId } = parseInput(SubscribeToBlogRequest, body, 'subscription');
    const result = await this.subscribeToBlog.execute(
      { subscriberId: caller.accountId, blogId },
      eventContextOf(cause),
    );
    void reply.status(result.created ? 201 : 200);
    return result.subscription;
  }
}
