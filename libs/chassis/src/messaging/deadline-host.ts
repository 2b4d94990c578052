import { type DeadlineHandler, DeadlineWorker } from '@blog/saga';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';

/** A service's deadline handlers by deadline name (the `name` it schedules them with). */
export type DeadlineHandlers = Readonly<Record<string, DeadlineHandler>>;

/**
 * Fires a service's due deadlines for as long as the application runs; any number of
 * instances may poll. Provided with a factory, as ConsumerHost is: `{ provide: DeadlineHost,
 * inject: [PG_POOL, …], useFactory: (pool, …) => new DeadlineHost(pool, { [NAME]: handler }) }`.
 */
export class DeadlineHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly worker: DeadlineWorker;
  private readonly logger = new Logger('deadlines');

  constructor(pool: Pool, handlers: DeadlineHandlers, options: { intervalMs?: number } = {}) {
    this.worker = new DeadlineWorker(
      pool,
      async (tx, deadline) => {
        const handler = handlers[deadline.name];
        // Marked fired all the same: a deadline nobody handles must not be polled forever.
        if (handler) await handler(tx, deadline);
        else {
          const { name, sagaId, sagaType } = deadline;
          this.logger.warn({ message: 'deadline without a handler', name, sagaId, sagaType });
        }
      },
      options,
    );
  }

  /** Nest lifecycle: deadlines fire exactly as long as the application runs. */
  onApplicationBootstrap(): void {
    this.worker.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.worker.stop();
  }
}
