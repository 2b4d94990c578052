import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { AccountMessages, type PayloadOf } from '@blog/contracts';
import { runSagaStep } from '@blog/saga';
import { Ctx, Payload } from '@nestjs/microservices';
import { AnonymiseAccountVisitsHandler } from '../commands/anonymise-account-visits/anonymise-account-visits.handler';

type AccountClosureRequested = PayloadOf<typeof AccountMessages.AccountClosureRequested>;

/** auth's events: saga 4 (close an account). */
@InboxConsumer('visitor.account')
export class AccountConsumer {
  constructor(private readonly anonymise: AnonymiseAccountVisitsHandler) {}

  @OnMessage(AccountMessages.AccountClosureRequested)
  closureRequested(
    @Payload() _payload: AccountClosureRequested,
    @Ctx() { tx, message }: InboxContext<AccountClosureRequested>,
  ) {
    const step = { sagaType: 'close-account', step: 'visitor.anonymise-visits' } as const;
    return runSagaStep(tx, message, step, async (stepTx, inSaga) => {
      await this.anonymise.handle(stepTx, inSaga);
      return 'succeeded';
    });
  }
}
