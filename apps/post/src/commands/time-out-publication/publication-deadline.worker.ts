import { PG_POOL } from '@blog/chassis';
import { DeadlineWorker } from '@blog/saga';
import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { POST_CONFIG, type PostConfig } from '../../infrastructure/post-config';
import { TimeOutPublicationHandler } from './time-out-publication.handler';

/** Polls the post service's due deadlines for as long as the service runs. */
@Injectable()
export class PublicationDeadlineWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: DeadlineWorker;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(POST_CONFIG) config: PostConfig,
    timeOut: TimeOutPublicationHandler,
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
