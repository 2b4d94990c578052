import type { ConsumerDefinition } from '@blog/chassis';
import { AccountMessages, on } from '@blog/contracts';
import { Injectable } from '@nestjs/common';
import { CreateProfileHandler } from '../commands/create-profile/create-profile.handler';
import { ReleaseProfileHandler } from '../commands/release-profile/release-profile.handler';

/** auth's sign-up saga: create the profile; release it if the sign-up failed anyway. */
@Injectable()
export class SignUpConsumer {
  constructor(
    private readonly create: CreateProfileHandler,
    private readonly release: ReleaseProfileHandler,
  ) {}

  definition(): ConsumerDefinition {
    return {
      name: 'user.sign-up',
      topics: [AccountMessages.AccountRegistered.topic],
      handlers: [
        on(AccountMessages.AccountRegistered, async (tx, message) => {
          await this.create.execute(tx, message);
        }),
        on(AccountMessages.AccountRejected, (tx, message) =>
          this.release.execute(tx, message, message.payload.reason),
        ),
        on(AccountMessages.AccountSignUpTimedOut, (tx, message) =>
          this.release.execute(tx, message, 'TIMED_OUT'),
        ),
      ],
    };
  }
}
