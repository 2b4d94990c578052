import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { AccountMessages, type PayloadOf } from '@blog/contracts';
import { Ctx, Payload } from '@nestjs/microservices';
import { CreateProfileHandler } from '../commands/create-profile/create-profile.handler';
import { ReleaseProfileHandler } from '../commands/release-profile/release-profile.handler';

type AccountRegistered = PayloadOf<typeof AccountMessages.AccountRegistered>;
type AccountRejected = PayloadOf<typeof AccountMessages.AccountRejected>;
type AccountSignUpTimedOut = PayloadOf<typeof AccountMessages.AccountSignUpTimedOut>;

/** auth's sign-up saga: create the profile; release it if the sign-up failed anyway. */
@InboxConsumer('user.sign-up')
export class SignUpConsumer {
  constructor(
    private readonly create: CreateProfileHandler,
    private readonly release: ReleaseProfileHandler,
  ) {}

  @OnMessage(AccountMessages.AccountRegistered)
  async accountRegistered(
    @Payload() _payload: AccountRegistered,
    @Ctx() { tx, message }: InboxContext<AccountRegistered>,
  ) {
    await this.create.execute(tx, message);
  }

  @OnMessage(AccountMessages.AccountRejected)
  accountRejected(
    @Payload() payload: AccountRejected,
    @Ctx() { tx, message }: InboxContext<AccountRejected>,
  ) {
    return this.release.execute(tx, message, payload.reason);
  }

  @OnMessage(AccountMessages.AccountSignUpTimedOut)
  signUpTimedOut(
    @Payload() _payload: AccountSignUpTimedOut,
    @Ctx() { tx, message }: InboxContext<AccountSignUpTimedOut>,
  ) {
    return this.release.execute(tx, message, 'TIMED_OUT');
  }
}
