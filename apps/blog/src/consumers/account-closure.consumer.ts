import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { AccountMessages, type PayloadOf } from '@blog/contracts';
import { Ctx, Payload } from '@nestjs/microservices';
import { DeleteAccountBlogsHandler } from '../commands/delete-account-blogs/delete-account-blogs.handler';

type AccountClosureRequested = PayloadOf<typeof AccountMessages.AccountClosureRequested>;

/** auth's account closures (saga 4), on `outbox.event.account`. */
@InboxConsumer('blog.account-closure')
export class AccountClosureConsumer {
  constructor(private readonly deleteBlogs: DeleteAccountBlogsHandler) {}

  @OnMessage(AccountMessages.AccountClosureRequested)
  closureRequested(
    @Payload() _payload: AccountClosureRequested,
    @Ctx() { tx, message }: InboxContext<AccountClosureRequested>,
  ) {
    return this.deleteBlogs.execute(tx, message);
  }
}
