import { messagePactSpec } from '@blog/testing/message-pact';
import { CloseAccountConsumer } from './close-account.consumer';
import { SignUpConsumer } from './sign-up.consumer';

// What auth relies on in the messages it reads (consumer-driven contracts: docs/contracts.md).
// Every one is a saga answer: without its saga id it is dead-lettered (saga-reply.ts).
messagePactSpec('auth', [
  {
    consumer: SignUpConsumer,
    expects: {
      ProfileCreated: { reads: ['accountId'], inSaga: true },
      ProfileRejected: { reads: ['accountId', 'reason'], inSaga: true },
    },
  },
  {
    consumer: CloseAccountConsumer,
    expects: {
      ProfileAnonymised: { reads: ['accountId'], inSaga: true },
      AccountBlogsDeleted: { reads: ['accountId'], inSaga: true },
      AccountSubscriptionsRemoved: { reads: ['accountId'], inSaga: true },
      AccountVisitsAnonymised: { reads: ['accountId'], inSaga: true },
    },
  },
]);
