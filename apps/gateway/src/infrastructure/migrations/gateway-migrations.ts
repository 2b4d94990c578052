import { consumerMigrations } from '@blog/consumer';
import { CreateSagaMonitor1764100000000 } from './1764100000000-create-saga-monitor';

/** Inbox and dead letters first: the monitor's consumer writes through them. */
export const gatewayMigrations = [...consumerMigrations, CreateSagaMonitor1764100000000];
