export { CreateOutbox1763900000000 } from './migrations/1763900000000-create-outbox';
export { type JsonValue, type OutboxMessage, outboxTopic } from './outbox-message';
export { outboxMessageOf } from './outbox-message-of';
export { pruneOutbox } from './outbox-retention';
export { type OutboxColumn, outboxRowOf, publishToOutbox } from './outbox-writer';

import { CreateOutbox1763900000000 } from './migrations/1763900000000-create-outbox';

/** Migrations every outbox-owning service runs, in order. */
export const outboxMigrations = [CreateOutbox1763900000000];
