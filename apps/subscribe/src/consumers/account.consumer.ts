import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { AccountMessages, type PayloadOf } from '@blog/contracts';
import { runSagaStep } from '@blog/saga';
import { Ctx, Payload } from '@nestjs/microservices';
import { RemoveAccountSubscriptionsHandler } from '../commands/remove-account-subscriptions/remove-account-subscriptions.handler';

type AccountClosureRequested = PayloadOf<typeof AccountMessages.AccountClosureRequested>;

/** auth's events: saga 4 (close an account). */
@InboxConsumer('subscribe.account')
export class AccountConsumer {
  constructor(private readonly removeSubscriptions: RemoveAccountSubscriptionsHandler) {}

  @OnMessage(AccountMessages.AccountClosureRequested)
  closureRequested(
    @Payload() _payload: AccountClosureRequested,
    @Ctx() { tx, message }: InboxContext<AccountClosureRequested>,
  ) {
    const step = { sagaType: 'close-account', step: 'subscribe.remove-subscriptions' } as const;
    return runSagaStep(tx, message, step, async (stepTx, inSaga) => {
      await this.removeSubscriptions.handle(stepTx, inSaga);
      return 'succeeded';
    });
  }
}
