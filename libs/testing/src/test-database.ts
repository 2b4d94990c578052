import { Client, Pool } from 'pg';
import { DataSource, type MigrationInterface } from 'typeorm';
import { STACK, uniqueName } from './stack-endpoints';
import { tolerateForcedDrop } from './tolerate-forced-drop';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** Runs migrations as a service would at start-up. */
  migrate(migrations: readonly (new () => MigrationInterface)[]): Promise<void>;
  /** A pool for the spec; ended by drop(). */
  pool(): Pool;
  /** Refuses and cuts every connection, as if the server had gone away. */
  takeOffline(): Promise<void>;
  bringOnline(): Promise<void>;
  drop(): Promise<void>;
}

async function asAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: STACK.postgresAdminUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A fresh, empty database on the shared Postgres for one spec file (Emmett's pattern). */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = uniqueName(`t_${prefix}`).toLowerCase();
  await asAdmin((admin) => admin.query(`CREATE DATABASE ${ident(name)}`));
  const terminate = (admin: Client) =>
    admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
      name,
    ]);
  const url = STACK.postgresAdminUrl.replace(/\/postgres$/, `/${name}`);
  const pools: Pool[] = [];
  return {
    name,
    url,
    migrate: async (migrations) => {
      const source = new DataSource({ type: 'postgres', url, migrations: [...migrations] });
      await source.initialize();
      try {
        await source.runMigrations({ transaction: 'each' });
      } finally {
        await source.destroy();
      }
    },
    pool: () => {
      const pool = tolerateForcedDrop(new Pool({ connectionString: url, max: 10 }));
      pools.push(pool);
      return pool;
    },
    takeOffline: () =>
      asAdmin(async (admin) => {
        await admin.query(`ALTER DATABASE ${ident(name)} WITH ALLOW_CONNECTIONS false`);
        await terminate(admin);
      }),
    bringOnline: () =>
      asAdmin(async (admin) => {
        await admin.query(`ALTER DATABASE ${ident(name)} WITH ALLOW_CONNECTIONS true`);
      }),
    drop: async () => {
      await Promise.all(pools.splice(0).map((pool) => pool.end()));
      await asAdmin(async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
      });
    },
  };
}
