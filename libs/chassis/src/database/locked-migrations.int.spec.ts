import { Test } from '@nestjs/testing';
import { createTestDatabase, type TestDatabase } from '@blog/testing';
import { Client } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { loadServiceConfig } from '../config/service-config';
import { DatabaseModule } from './database.module';
import { runMigrationsLocked } from './locked-migrations';

// Several instances of a service starting at once, as a rollout or the autoscaler starts
// them: each runs its migrations at start. The migration below holds its transaction open
// for a second, so instances that start together are all inside the race TypeORM leaves
// open (read what is applied, then apply the rest).

class CreateWidgets1700000000000 implements MigrationInterface {
  name = 'CreateWidgets1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`SELECT pg_sleep(1)`);
    await runner.query(`CREATE TABLE widgets (id int PRIMARY KEY)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE widgets`);
  }
}

const INSTANCES = 4;

describe('migrations run by instances that start at once', () => {
  let database: TestDatabase;
  let sources: DataSource[];

  beforeEach(async () => {
    database = await createTestDatabase('migration_lock');
    sources = await Promise.all(
      Array.from({ length: INSTANCES }, () =>
        new DataSource({
          type: 'postgres',
          url: database.url,
          migrations: [CreateWidgets1700000000000],
        }).initialize(),
      ),
    );
  });

  afterEach(async () => {
    await Promise.all(sources.map((source) => source.destroy()));
    await database.drop();
  });

  const applied = async () =>
    (await database.pool().query<{ name: string }>(`SELECT name FROM migrations`)).rows;

  it('apply each migration once under the lock, and every instance starts', async () => {
    const results = await Promise.all(sources.map((source) => runMigrationsLocked(source)));
    expect(results.flat()).toEqual(['CreateWidgets1700000000000']);
    expect(await applied()).toEqual([{ name: 'CreateWidgets1700000000000' }]);
  });

  it('wait while another instance holds the lock', async () => {
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtextextended('blog.migrations', 0))`);
      let done = false;
      const run = runMigrationsLocked(sources[0]!).then((names) => ((done = true), names));
      await new Promise((later) => setTimeout(later, 1_500));
      expect(done).toBe(false);
      await holder.query(`SELECT pg_advisory_unlock(hashtextextended('blog.migrations', 0))`);
      expect(await run).toEqual(['CreateWidgets1700000000000']);
    } finally {
      await holder.end();
    }
  });

  it('fail without it: TypeORM’s own run lets them collide (why the lock exists)', async () => {
    const results = await Promise.allSettled(
      sources.map((source) => source.runMigrations({ transaction: 'each' })),
    );
    expect(results.filter((result) => result.status === 'rejected').length).toBeGreaterThan(0);
  });

  it('are what a service’s DatabaseModule runs when it starts, on instances started at once', async () => {
    const config = loadServiceConfig('post', { DATABASE_URL: database.url });
    const modules = await Promise.all(
      Array.from({ length: 2 }, () =>
        Test.createTestingModule({
          imports: [DatabaseModule.forService(config, [CreateWidgets1700000000000])],
        }).compile(),
      ),
    );
    try {
      expect(await applied()).toEqual([{ name: 'CreateWidgets1700000000000' }]);
      expect(modules[0]!.get(DataSource).isInitialized).toBe(true);
    } finally {
      await Promise.all(modules.map((module) => module.close()));
    }
  });
});
