import { Injectable } from '@nestjs/common';
import type { ConsumerDefinition } from '@blog/chassis';
import { on, PostMessages } from '@blog/contracts';
import { FanOutPostHandler } from '../commands/fan-out-post/fan-out-post.handler';
import { WithdrawPostHandler } from '../commands/withdraw-post/withdraw-post.handler';

/** post's events: what lands in (and leaves) subscribers' feeds. */
@Injectable()
export class PostConsumer {
  constructor(
    private readonly fanOut: FanOutPostHandler,
    private readonly withdraw: WithdrawPostHandler,
  ) {}

  definition(): ConsumerDefinition {
    return {
      name: 'subscribe.post',
      topics: [PostMessages.PostPublished.topic],
      handlers: [
        on(PostMessages.PostPublished, (tx, message) => this.fanOut.handle(tx, message)),
        on(PostMessages.PostUnpublished, (tx, message) => this.withdraw.handle(tx, message)),
      ],
    };
  }
}
