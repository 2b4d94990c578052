import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { type PayloadOf, PostMessages } from '@blog/contracts';
import { Ctx, Payload } from '@nestjs/microservices';
import { FanOutPostHandler } from '../commands/fan-out-post/fan-out-post.handler';
import { WithdrawPostHandler } from '../commands/withdraw-post/withdraw-post.handler';

type PostPublished = PayloadOf<typeof PostMessages.PostPublished>;
type PostUnpublished = PayloadOf<typeof PostMessages.PostUnpublished>;

/** post's events: what lands in (and leaves) subscribers' feeds. */
@InboxConsumer('subscribe.post')
export class PostConsumer {
  constructor(
    private readonly fanOut: FanOutPostHandler,
    private readonly withdraw: WithdrawPostHandler,
  ) {}

  @OnMessage(PostMessages.PostPublished)
  postPublished(
    @Payload() _payload: PostPublished,
    @Ctx() { tx, message }: InboxContext<PostPublished>,
  ) {
    return this.fanOut.handle(tx, message);
  }

  @OnMessage(PostMessages.PostUnpublished)
  postUnpublished(
    @Payload() _payload: PostUnpublished,
    @Ctx() { tx, message }: InboxContext<PostUnpublished>,
  ) {
    return this.withdraw.handle(tx, message);
  }
}
