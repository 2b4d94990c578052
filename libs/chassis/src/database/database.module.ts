import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { MigrationInterface } from 'typeorm';
import type { EventEmitter } from 'node:events';
import type { ServiceConfig } from '../config/service-config';

const ignoreLostConnection = () => undefined;

/** Migrations are classes, not globs: the compiled app must not depend on file layout. */
export type MigrationList = readonly (new () => MigrationInterface)[];

/**
 * One TypeORM data source per service, over `pg`. Migrations run at start-up so a
 * service never serves on a schema older than its code (they are idempotent and
 * serialised by TypeORM's migrations table).
 */
@Module({})
export class DatabaseModule {
  static forService(config: ServiceConfig, migrations: MigrationList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: config.DATABASE_URL,
          applicationName: config.SERVICE_NAME,
          migrations: [...migrations],
          migrationsRun: true,
          migrationsTransactionMode: 'each',
          autoLoadEntities: true,
          synchronize: false,
          retryAttempts: 3,
          retryDelay: 500,
          extra: {
            max: config.DATABASE_POOL_SIZE,
            // Fail fast when the database is gone, so readiness flips instead of hanging.
            connectionTimeoutMillis: 2_000,
            // pg-pool listens for errors on idle clients only. A checked-out client whose
            // server goes away between two statements emits 'error' to nobody, and Node
            // ends the process (seen when Postgres restarted under load). Its next query
            // fails with the error anyway, so a listener for the client's lifetime is safe.
            onConnect: (client: EventEmitter) => {
              client.on('error', ignoreLostConnection);
            },
          },
        }),
      ],
    };
  }
}
