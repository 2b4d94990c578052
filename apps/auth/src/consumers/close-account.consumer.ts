import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import {
  BlogMessages,
  type PayloadOf,
  ProfileMessages,
  SubscriptionMessages,
  VisitorMessages,
} from '@blog/contracts';
import { Ctx, Payload } from '@nestjs/microservices';
import { RecordClosureStepHandler } from '../commands/record-closure-step/record-closure-step.handler';

type ProfileAnonymised = PayloadOf<typeof ProfileMessages.ProfileAnonymised>;
type AccountBlogsDeleted = PayloadOf<typeof BlogMessages.AccountBlogsDeleted>;
type AccountSubscriptionsRemoved = PayloadOf<
  typeof SubscriptionMessages.AccountSubscriptionsRemoved
>;
type AccountVisitsAnonymised = PayloadOf<typeof VisitorMessages.AccountVisitsAnonymised>;

/** The four participants' answers to AccountClosureRequested. */
@InboxConsumer('auth.close-account')
export class CloseAccountConsumer {
  constructor(private readonly steps: RecordClosureStepHandler) {}

  @OnMessage(ProfileMessages.ProfileAnonymised)
  profileAnonymised(
    @Payload() _payload: ProfileAnonymised,
    @Ctx() { tx, message }: InboxContext<ProfileAnonymised>,
  ) {
    return this.steps.execute(tx, 'ProfileAnonymised', message);
  }

  @OnMessage(BlogMessages.AccountBlogsDeleted)
  accountBlogsDeleted(
    @Payload() _payload: AccountBlogsDeleted,
    @Ctx() { tx, message }: InboxContext<AccountBlogsDeleted>,
  ) {
    return this.steps.execute(tx, 'AccountBlogsDeleted', message);
  }

  @OnMessage(SubscriptionMessages.AccountSubscriptionsRemoved)
  accountSubscriptionsRemoved(
    @Payload() _payload: AccountSubscriptionsRemoved,
    @Ctx() { tx, message }: InboxContext<AccountSubscriptionsRemoved>,
  ) {
    return this.steps.execute(tx, 'AccountSubscriptionsRemoved', message);
  }

  @OnMessage(VisitorMessages.AccountVisitsAnonymised)
  accountVisitsAnonymised(
    @Payload() _payload: AccountVisitsAnonymised,
    @Ctx() { tx, message }: InboxContext<AccountVisitsAnonymised>,
  ) {
    return this.steps.execute(tx, 'AccountVisitsAnonymised', message);
  }
}
