import { randomUUID } from 'node:crypto';
import { consumerMigrations } from '@blog/consumer';
import { defineMessage, type PayloadOf } from '@blog/contracts';
import {
  createTestDatabase,
  eventually,
  produceRecords,
  type RecordToProduce,
  type TestDatabase,
  uniqueName,
} from '@blog/testing';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Module,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, Payload } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { z } from 'zod';
import { loadServiceConfig } from '../config/service-config';
import { ConsumerHost } from './consumer-host';
import { InboxConsumer, type InboxContext, OnMessage } from './inbox-consumer';
import { InboxTransport } from './inbox-transport';

// The inbox transport in a real hybrid Nest app, against the real Kafka and Postgres: a
// message reaches an @OnMessage method through Nest's handler pipeline, its effect commits
// with the inbox row, and a failure keeps its own error through retries and dead letters.

const Deposited = defineMessage({
  aggregateType: uniqueName('it-inbox').replace(/_/g, '-'),
  type: 'Deposited',
  schemaVersion: 1,
  schema: z.object({ account: z.string(), amount: z.number().int() }),
  publisher: 'spec',
  key: 'account',
  example: { account: 'a-1', amount: 10 },
});
type Deposit = PayloadOf<typeof Deposited>;

/** What the interceptor saw: proof the handler ran inside Nest's pipeline. */
const intercepted: { type: string; handler: string }[] = [];

@Injectable()
class RecordingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) {
    intercepted.push({ type: context.getType(), handler: context.getHandler().name });
    return next.handle();
  }
}

@InboxConsumer('it.ledger', { retry: { attempts: 2, initialBackoffMs: 5, maxBackoffMs: 10 } })
class LedgerConsumer {
  @OnMessage(Deposited)
  @UseInterceptors(RecordingInterceptor)
  async deposited(@Payload() deposit: Deposit, @Ctx() { tx }: InboxContext<Deposit>) {
    await tx.query(`INSERT INTO deposits (account, amount) VALUES ($1, $2)`, [
      deposit.account,
      deposit.amount,
    ]);
    if (deposit.amount === 13) throw new Error('unlucky amount 13');
  }
}

/** Each spec its own key: a dead letter parks its key, and the next spec must not queue. */
function record(payload: object): RecordToProduce & { id: string } {
  const id = randomUUID();
  return {
    id,
    key: randomUUID(),
    value: JSON.stringify(payload),
    headers: {
      id,
      eventType: 'Deposited',
      correlationId: randomUUID(),
      occurredAt: new Date().toISOString(),
      schemaVersion: '1',
    },
  };
}

describe('inbox transport (@nestjs/microservices custom transport)', () => {
  let database: TestDatabase;
  let pool: Pool;
  let app: NestFastifyApplication;

  const rows = async <Row>(sql: string, values: unknown[] = []) =>
    (await pool.query(sql, values)).rows as Row[];

  beforeAll(async () => {
    database = await createTestDatabase('inbox_transport');
    await database.migrate(consumerMigrations);
    pool = database.pool();
    await pool.query(`CREATE TABLE deposits (account text NOT NULL, amount int NOT NULL)`);

    @Module({
      controllers: [LedgerConsumer],
      providers: [RecordingInterceptor],
    })
    class LedgerModule {}
    app = await NestFactory.create<NestFastifyApplication>(LedgerModule, new FastifyAdapter(), {
      logger: false,
    });
    const config = loadServiceConfig('user', { ...process.env, DATABASE_URL: database.url });
    app.connectMicroservice({ strategy: new InboxTransport(new ConsumerHost(config, pool)) });
    await app.startAllMicroservices();
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('hands a message to its @OnMessage method through Nest, effect and inbox row together', async () => {
    const message = record({ account: 'acct', amount: 5 });
    await produceRecords(Deposited.topic, [message, message]);
    await eventually(
      () => rows<{ message_id: string }>(`SELECT message_id FROM inbox`),
      (inbox) => inbox.length === 1,
    );
    expect(await rows(`SELECT account, amount FROM deposits`)).toEqual([
      { account: 'acct', amount: 5 },
    ]);
    expect(await rows(`SELECT message_id::text AS id FROM inbox`)).toEqual([{ id: message.id }]);
    // The second delivery never reached the method: the inbox turned it away first.
    expect(intercepted).toEqual([{ type: 'rpc', handler: 'deposited' }]);
  });

  it('retries a failing handler and dead-letters the message with the error it threw', async () => {
    const message = record({ account: 'acct', amount: 13 });
    await produceRecords(Deposited.topic, [message]);
    const [letter] = await eventually(
      () =>
        rows<{ reason: string; error: string; attempts: number }>(
          `SELECT reason, error, attempts FROM dead_letters WHERE message_id = $1`,
          [message.id],
        ),
      (letters) => letters.length === 1,
    );
    expect(letter).toEqual({ reason: 'handler-failed', error: 'unlucky amount 13', attempts: 2 });
    // Each attempt's insert rolled back with its inbox row.
    expect(await rows(`SELECT amount FROM deposits WHERE amount = 13`)).toEqual([]);
  });

  it('dead-letters a payload its contract refuses without calling the method', async () => {
    const before = intercepted.length;
    const message = record({ account: 'acct', amount: 'lots' });
    await produceRecords(Deposited.topic, [message]);
    const [letter] = await eventually(
      () =>
        rows<{ reason: string }>(`SELECT reason FROM dead_letters WHERE message_id = $1`, [
          message.id,
        ]),
      (letters) => letters.length === 1,
    );
    expect(letter?.reason).toBe('invalid-payload');
    expect(intercepted).toHaveLength(before);
  });
});
