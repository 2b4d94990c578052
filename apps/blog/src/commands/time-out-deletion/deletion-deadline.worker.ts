import { PG_POOL } from '@blog/chassis';
import { DeadlineWorker } from '@blog/saga';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { BLOG_CONFIG, type BlogConfig } from '../../infrastructure/blog-config';
import { TimeOutDeletionHandler } from './time-out-deletion.handler';

/** Polls the blog's due deadlines for as long as the service runs. */
@Injectable()
export class DeletionDeadlineWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: DeadlineWorker;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(BLOG_CONFIG) config: BlogConfig,
    timeOut: TimeOutDeletionHandler,
  ) {
    this.worker = new DeadlineWorker(pool, (tx, deadline) => timeOut.execute(tx, deadline), {
      intervalMs: config.DEADLINE_POLL_INTERVAL_MS,
    });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }
}
