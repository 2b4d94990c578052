import type { ConsumerDefinition } from '@blog/chassis';
import { AccountMessages, on } from '@blog/contracts';
import { Injectable } from '@nestjs/common';
import { AnonymiseProfileHandler } from '../commands/anonymise-profile/anonymise-profile.handler';

/** auth's close-account saga: the profile's part. */
@Injectable()
export class CloseAccountConsumer {
  constructor(private readonly anonymise: AnonymiseProfileHandler) {}

  definition(): ConsumerDefinition {
    return {
      name: 'user.close-account',
      topics: [AccountMessages.AccountClosureRequested.topic],
      handlers: [
        on(AccountMessages.AccountClosureRequested, (tx, message) =>
          this.anonymise.execute(tx, message),
        ),
      ],
    };
  }
}
