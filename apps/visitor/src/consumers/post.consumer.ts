import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { type PayloadOf, PostMessages } from '@blog/contracts';
import { Ctx, Payload } from '@nestjs/microservices';
import { ClosePostCountersHandler } from '../commands/close-post-counters/close-post-counters.handler';
import { OpenPostCountersHandler } from '../commands/open-post-counters/open-post-counters.handler';

type PostPublished = PayloadOf<typeof PostMessages.PostPublished>;
type PostUnpublished = PayloadOf<typeof PostMessages.PostUnpublished>;

/** post's events: which posts take visits. */
@InboxConsumer('visitor.post')
export class PostConsumer {
  constructor(
    private readonly openCounters: OpenPostCountersHandler,
    private readonly closeCounters: ClosePostCountersHandler,
  ) {}

  @OnMessage(PostMessages.PostPublished)
  postPublished(
    @Payload() _payload: PostPublished,
    @Ctx() { tx, message }: InboxContext<PostPublished>,
  ) {
    return this.openCounters.handle(tx, message);
  }

  @OnMessage(PostMessages.PostUnpublished)
  postUnpublished(
    @Payload() _payload: PostUnpublished,
    @Ctx() { tx, message }: InboxContext<PostUnpublished>,
  ) {
    return this.closeCounters.handle(tx, message);
  }
}
