import { causeOfMessage, eventContextOf } from '@blog/chassis';
import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@blog/consumer';
import type { BlogMessages, PayloadOf } from '@blog/contracts';
import { EventStore, handleCommand } from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import { decideAudience } from '../../domain/audience.decide';
import { audienceStreamId } from '../../domain/audience.events';
import { audienceAggregate } from '../../infrastructure/aggregates';
import { SYSTEM_ACTOR } from '../../infrastructure/subscribe-event-store';

type BlogCreated = PayloadOf<typeof BlogMessages.BlogCreated>;

/** A new blog can be subscribed to from now on. */
@Injectable()
export class TrackBlogHandler {
  constructor(private readonly store: EventStore) {}

  async handle(tx: SqlClient, message: InboundMessage<BlogCreated>): Promise<void> {
    const { blogId, ownerId, title } = message.payload;
    await handleCommand(
      tx,
      this.store,
      audienceStreamId(blogId),
      audienceAggregate,
      eventContextOf(causeOfMessage(message.envelope, SYSTEM_ACTOR), message.envelope.sagaId),
      (state) => decideAudience({ type: 'OpenAudience', blogId, ownerId, title }, state),
    );
  }
}
