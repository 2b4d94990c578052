import type { Provider } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';

/** DI token for the service's `pg` pool: the one TypeORM already opened, not a second one. */
export const PG_POOL = Symbol('PG_POOL');

export const pgPoolProvider: Provider = {
  provide: PG_POOL,
  inject: [DataSource],
  // The event store, outbox and inbox share connections and transactions with TypeORM.
  useFactory: (dataSource: DataSource): Pool =>
    (dataSource.driver as unknown as { master: Pool }).master,
};
