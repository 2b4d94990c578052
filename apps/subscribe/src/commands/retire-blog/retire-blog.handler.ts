import { recordStepIfInSaga } from '@blog/saga';
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

type BlogDeleted = PayloadOf<typeof BlogMessages.BlogDeleted>;

/** Saga 3 succeeded: the blog is gone, with its subscriptions and feed entries. */
@Injectable()
export class RetireBlogHandler {
  constructor(private readonly store: EventStore) {}

  async handle(tx: SqlClient, message: InboundMessage<BlogDeleted>): Promise<void> {
    const { blogId } = message.payload;
    await handleCommand(
      tx,
      this.store,
      audienceStreamId(blogId),
      audienceAggregate,
      eventContextOf(causeOfMessage(message.envelope, SYSTEM_ACTOR), message.envelope.sagaId),
      (state) => decideAudience({ type: 'RetireAudience', blogId }, state),
    );
    await recordStepIfInSaga(tx, message, {
      sagaType: 'delete-blog',
      step: 'subscribe.retire-blog',
      outcome: 'succeeded',
    });
  }
}
