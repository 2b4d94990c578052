import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { AccountMessages, type PayloadOf } from '@blog/contracts';
import { Ctx, Payload } from '@nestjs/microservices';
import { AnonymiseProfileHandler } from '../commands/anonymise-profile/anonymise-profile.handler';

type AccountClosureRequested = PayloadOf<typeof AccountMessages.AccountClosureRequested>;

/** auth's close-account saga: the profile's part. */
@InboxConsumer('user.close-account')
export class CloseAccountConsumer {
  constructor(private readonly anonymise: AnonymiseProfileHandler) {}

  @OnMessage(AccountMessages.AccountClosureRequested)
  closureRequested(
    @Payload() _payload: AccountClosureRequested,
    @Ctx() { tx, message }: InboxContext<AccountClosureRequested>,
  ) {
    return this.anonymise.execute(tx, message);
  }
}
