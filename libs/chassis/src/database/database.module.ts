import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions, MigrationInterface } from 'typeorm';
import type { EventEmitter } from 'node:events';
import type { ServiceConfig } from '../config/service-config';
import { migratedDataSource } from './locked-migrations';

const ignoreLostConnection = () => undefined;

/** Migrations are classes, not globs: the compiled app must not depend on file layout. */
export type MigrationList = readonly (new () => MigrationInterface)[];

/**
 * One TypeORM data source per service, over `pg`. Migrations run at start-up so a service
 * never serves on a schema older than its code, under a Postgres advisory lock so that
 * instances starting at once apply each migration once (locked-migrations.ts): TypeORM's
 * own migrationsRun takes no lock.
 */
@Module({})
export class DatabaseModule {
  static forService(config: ServiceConfig, migrations: MigrationList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          // Async only for dataSourceFactory, which forRoot does not take.
          useFactory: () => options(config, migrations),
          dataSourceFactory: (resolved) => migratedDataSource(resolved as DataSourceOptions),
        }),
      ],
    };
  }
}

function options(config: ServiceConfig, migrations: MigrationList) {
  return {
    type: 'postgres' as const,
    url: config.DATABASE_URL,
    applicationName: config.SERVICE_NAME,
    migrations: [...migrations],
    // Run by migratedDataSource, under the lock.
    migrationsRun: false,
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
  };
}
