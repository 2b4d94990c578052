import { messagePactSpec } from '@blog/testing/message-pact';
import { contractMessages } from './contract-messages';
import { SagaMonitorConsumer } from './saga-monitor.consumer';

// The saga monitor reads every message by its envelope alone: it relies on the headers and
// the key, on no payload field, and on no saga id (a message outside a saga is skipped).
messagePactSpec('gateway', [
  {
    consumer: SagaMonitorConsumer,
    expects: Object.fromEntries(contractMessages().map(({ type }) => [type, { reads: [] }])),
  },
]);
