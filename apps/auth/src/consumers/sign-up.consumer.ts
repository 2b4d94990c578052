import type { ConsumerDefinition } from '@blog/chassis';
import { on, ProfileMessages } from '@blog/contracts';
import { Injectable } from '@nestjs/common';
import { CompleteSignUpHandler } from '../commands/complete-sign-up/complete-sign-up.handler';

/** The user service's answers to AccountRegistered. */
@Injectable()
export class SignUpConsumer {
  constructor(private readonly signUp: CompleteSignUpHandler) {}

  definition(): ConsumerDefinition {
    return {
      name: 'auth.sign-up',
      topics: [ProfileMessages.ProfileCreated.topic],
      handlers: [
        on(ProfileMessages.ProfileCreated, (tx, message) => this.signUp.activate(tx, message)),
        on(ProfileMessages.ProfileRejected, (tx, message) => this.signUp.reject(tx, message)),
      ],
    };
  }
}
