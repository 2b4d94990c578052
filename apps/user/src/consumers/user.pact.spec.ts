import { messagePactSpec } from '@blog/testing/message-pact';
import { CloseAccountConsumer } from './close-account.consumer';
import { SignUpConsumer } from './sign-up.consumer';

// What user relies on in the messages it reads (consumer-driven contracts: docs/contracts.md).
messagePactSpec('user', [
  {
    consumer: SignUpConsumer,
    expects: {
      AccountRegistered: { reads: ['accountId', 'handle', 'displayName'], inSaga: true },
      AccountRejected: { reads: ['accountId', 'reason'], inSaga: true },
      AccountSignUpTimedOut: { reads: ['accountId'], inSaga: true },
    },
  },
  {
    consumer: CloseAccountConsumer,
    expects: { AccountClosureRequested: { reads: ['accountId'], inSaga: true } },
  },
]);
