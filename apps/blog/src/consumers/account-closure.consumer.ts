import type { ConsumerDefinition } from '@blog/chassis';
import { AccountMessages, on } from '@blog/contracts';
import { Injectable } from '@nestjs/common';
import { DeleteAccountBlogsHandler } from '../commands/delete-account-blogs/delete-account-blogs.handler';

/** auth's account closures (saga 4): `blog.account-closure` on `outbox.event.account`. */
@Injectable()
export class AccountClosureConsumer {
  constructor(private readonly deleteBlogs: DeleteAccountBlogsHandler) {}

  definition(): ConsumerDefinition {
    return {
      name: 'blog.account-closure',
      topics: [AccountMessages.AccountClosureRequested.topic],
      handlers: [
        on(AccountMessages.AccountClosureRequested, (tx, message) =>
          this.deleteBlogs.execute(tx, message),
        ),
      ],
    };
  }
}
