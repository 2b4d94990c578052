import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { type PayloadOf, ProfileMessages } from '@blog/contracts';
import { Ctx, Payload } from '@nestjs/microservices';
import { CompleteSignUpHandler } from '../commands/complete-sign-up/complete-sign-up.handler';

type ProfileCreated = PayloadOf<typeof ProfileMessages.ProfileCreated>;
type ProfileRejected = PayloadOf<typeof ProfileMessages.ProfileRejected>;

/** The user service's answers to AccountRegistered. */
@InboxConsumer('auth.sign-up')
export class SignUpConsumer {
  constructor(private readonly signUp: CompleteSignUpHandler) {}

  @OnMessage(ProfileMessages.ProfileCreated)
  profileCreated(
    @Payload() _payload: ProfileCreated,
    @Ctx() { tx, message }: InboxContext<ProfileCreated>,
  ) {
    return this.signUp.activate(tx, message);
  }

  @OnMessage(ProfileMessages.ProfileRejected)
  profileRejected(
    @Payload() _payload: ProfileRejected,
    @Ctx() { tx, message }: InboxContext<ProfileRejected>,
  ) {
    return this.signUp.reject(tx, message);
  }
}
