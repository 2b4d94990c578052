import type { ConsumerDefinition } from '@blog/chassis';
import { on, PostMessages } from '@blog/contracts';
import { Injectable } from '@nestjs/common';
import { ApprovePublicationHandler } from '../commands/approve-publication/approve-publication.handler';

/** post's publication requests (saga 2): `blog.publication` on `outbox.event.post`. */
@Injectable()
export class PublicationConsumer {
  constructor(private readonly approve: ApprovePublicationHandler) {}

  definition(): ConsumerDefinition {
    return {
      name: 'blog.publication',
      topics: [PostMessages.PublishRequested.topic],
      handlers: [
        on(PostMessages.PublishRequested, (tx, message) => this.approve.execute(tx, message)),
      ],
    };
  }
}
