import { Injectable } from '@nestjs/common';
import type { ConsumerDefinition } from '@blog/chassis';
import { AccountMessages } from '@blog/contracts';
import { sagaStepHandler } from '@blog/saga';
import { RemoveAccountSubscriptionsHandler } from '../commands/remove-account-subscriptions/remove-account-subscriptions.handler';

/** auth's events: saga 4 (close an account). */
@Injectable()
export class AccountConsumer {
  constructor(private readonly removeSubscriptions: RemoveAccountSubscriptionsHandler) {}

  definition(): ConsumerDefinition {
    const closure = AccountMessages.AccountClosureRequested;
    return {
      name: 'subscribe.account',
      topics: [closure.topic],
      handlers: [
        sagaStepHandler({
          sagaType: 'close-account',
          step: 'subscribe.remove-subscriptions',
          type: closure.type,
          schema: closure.schema,
          react: async (tx, message) => {
            await this.removeSubscriptions.handle(tx, message);
            return 'succeeded';
          },
        }),
      ],
    };
  }
}
