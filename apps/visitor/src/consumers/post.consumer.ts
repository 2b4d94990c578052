import { Injectable } from '@nestjs/common';
import type { ConsumerDefinition } from '@blog/chassis';
import { on, PostMessages } from '@blog/contracts';
import { ClosePostCountersHandler } from '../commands/close-post-counters/close-post-counters.handler';
import { OpenPostCountersHandler } from '../commands/open-post-counters/open-post-counters.handler';

/** post's events: which posts take visits. */
@Injectable()
export class PostConsumer {
  constructor(
    private readonly openCounters: OpenPostCountersHandler,
    private readonly closeCounters: ClosePostCountersHandler,
  ) {}

  definition(): ConsumerDefinition {
    return {
      name: 'visitor.post',
      topics: [PostMessages.PostPublished.topic],
      handlers: [
        on(PostMessages.PostPublished, (tx, message) => this.openCounters.handle(tx, message)),
        on(PostMessages.PostUnpublished, (tx, message) => this.closeCounters.handle(tx, message)),
      ],
    };
  }
}
