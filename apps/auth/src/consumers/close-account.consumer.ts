import type { ConsumerDefinition } from '@blog/chassis';
import {
  BlogMessages,
  on,
  ProfileMessages,
  SubscriptionMessages,
  VisitorMessages,
} from '@blog/contracts';
import { Injectable } from '@nestjs/common';
import { RecordClosureStepHandler } from '../commands/record-closure-step/record-closure-step.handler';

/** The four participants' answers to AccountClosureRequested. */
@Injectable()
export class CloseAccountConsumer {
  constructor(private readonly steps: RecordClosureStepHandler) {}

  definition(): ConsumerDefinition {
    const replies = [
      ProfileMessages.ProfileAnonymised,
      BlogMessages.AccountBlogsDeleted,
      SubscriptionMessages.AccountSubscriptionsRemoved,
      VisitorMessages.AccountVisitsAnonymised,
    ] as const;
    return {
      name: 'auth.close-account',
      topics: [...new Set(replies.map((reply) => reply.topic))],
      handlers: [
        on(ProfileMessages.ProfileAnonymised, (tx, message) =>
          this.steps.execute(tx, 'ProfileAnonymised', message),
        ),
        on(BlogMessages.AccountBlogsDeleted, (tx, message) =>
          this.steps.execute(tx, 'AccountBlogsDeleted', message),
        ),
        on(SubscriptionMessages.AccountSubscriptionsRemoved, (tx, message) =>
          this.steps.execute(tx, 'AccountSubscriptionsRemoved', message),
        ),
        on(VisitorMessages.AccountVisitsAnonymised, (tx, message) =>
          this.steps.execute(tx, 'AccountVisitsAnonymised', message),
        ),
      ],
    };
  }
}
