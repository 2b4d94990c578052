import { PG_POOL } from '@blog/chassis';
import { DeadlineWorker } from '@blog/saga';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { AUTH_CONFIG, type AuthConfig } from '../../infrastructure/auth-config';
import { TimeOutSagaHandler } from './time-out-saga.handler';

/** Polls auth's due deadlines while the app runs; any number of instances may poll. */
@Injectable()
export class SagaDeadlines implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: DeadlineWorker;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(AUTH_CONFIG) config: AuthConfig,
    handler: TimeOutSagaHandler,
  ) {
    this.worker = new DeadlineWorker(pool, (tx, deadline) => handler.handle(tx, deadline), {
      intervalMs: config.DEADLINE_POLL_MS,
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }
}
