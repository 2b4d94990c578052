import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { type PayloadOf, PostMessages } from '@blog/contracts';
import { Ctx, Payload } from '@nestjs/microservices';
import { ApprovePublicationHandler } from '../commands/approve-publication/approve-publication.handler';

type PublishRequested = PayloadOf<typeof PostMessages.PublishRequested>;

/** post's publication requests (saga 2), on `outbox.event.post`. */
@InboxConsumer('blog.publication')
export class PublicationConsumer {
  constructor(private readonly approve: ApprovePublicationHandler) {}

  @OnMessage(PostMessages.PublishRequested)
  publishRequested(
    @Payload() _payload: PublishRequested,
    @Ctx() { tx, message }: InboxContext<PublishRequested>,
  ) {
    return this.approve.execute(tx, message);
  }
}
