import { Injectable } from '@nestjs/common';
import type { ConsumerDefinition } from '@blog/chassis';
import { AccountMessages } from '@blog/contracts';
import { sagaStepHandler } from '@blog/saga';
import { AnonymiseAccountVisitsHandler } from '../commands/anonymise-account-visits/anonymise-account-visits.handler';

/** auth's events: saga 4 (close an account). */
@Injectable()
export class AccountConsumer {
  constructor(private readonly anonymise: AnonymiseAccountVisitsHandler) {}

  definition(): ConsumerDefinition {
    const closure = AccountMessages.AccountClosureRequested;
    return {
      name: 'visitor.account',
      topics: [closure.topic],
      handlers: [
        sagaStepHandler({
          sagaType: 'close-account',
          step: 'visitor.anonymise-visits',
          type: closure.type,
          schema: closure.schema,
          react: async (tx, message) => {
            await this.anonymise.handle(tx, message);
            return 'succeeded';
          },
        }),
      ],
    };
  }
}
