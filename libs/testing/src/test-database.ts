import { Client } from 'pg';
import { STACK, uniqueName } from './stack-endpoints';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
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
  return {
    name,
    url: STACK.postgresAdminUrl.replace(/\/postgres$/, `/${name}`),
    takeOffline: () =>
      asAdmin(async (admin) => {
        await admin.query(`ALTER DATABASE ${ident(name)} WITH ALLOW_CONNECTIONS false`);
        await terminate(admin);
      }),
    bringOnline: () =>
      asAdmin(async (admin) => {
        await admin.query(`ALTER DATABASE ${ident(name)} WITH ALLOW_CONNECTIONS true`);
      }),
    drop: () =>
      asAdmin(async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
      }),
  };
}
