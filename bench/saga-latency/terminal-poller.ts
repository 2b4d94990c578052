import { Client } from 'pg';

/** A saga the client got its 202 for, waiting for its initiator's terminal state. */
export interface Accepted {
  readonly id: string;
  readonly sagaId: string;
  /** performance.now() when the 202 arrived. */
  readonly acceptedAt: number;
}

export interface Settled extends Accepted {
  readonly status: string;
  /** From the 202 to the first poll that saw the terminal state. */
  readonly latencyMs: number;
}

/**
 * Watches the initiator's own read model: one query per tick for every saga still open,
 * so polling every 10 ms costs one round trip per tick, not one per saga. `sql` takes the
 * open ids as $1 (uuid[]) and returns the terminal ones as { id, saga, status }.
 */
export class TerminalPoller {
  readonly settled: Settled[] = [];
  /** Time between the starts of consecutive polls: the resolution the figures have. */
  readonly periods: number[] = [];
  private readonly open = new Map<string, Accepted>();
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  private constructor(
    private readonly client: Client,
    private readonly sql: string,
    private readonly everyMs: number,
  ) {}

  static async connect(url: string, sql: string, everyMs: number): Promise<TerminalPoller> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return new TerminalPoller(client, sql, everyMs);
  }

  get pending(): number {
    return this.open.size;
  }

  add(accepted: Accepted): void {
    this.open.set(accepted.id, accepted);
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await this.client.end();
  }

  private async run(): Promise<void> {
    let last = Number.NaN;
    while (this.running) {
      const started = performance.now();
      if (!Number.isNaN(last)) this.periods.push(started - last);
      last = started;
      if (this.open.size > 0) await this.poll();
      const wait = this.everyMs - (performance.now() - started);
      if (wait > 0) await new Promise((resolveWait) => setTimeout(resolveWait, wait));
    }
  }

  private async poll(): Promise<void> {
    const { rows } = await this.client.query<{ id: string; saga: string; status: string }>(
      this.sql,
      [[...this.open.keys()]],
    );
    const seenAt = performance.now();
    for (const row of rows) {
      const accepted = this.open.get(row.id);
      if (!accepted || accepted.sagaId !== row.saga) continue;
      this.open.delete(row.id);
      this.settled.push({
        ...accepted,
        status: row.status,
        latencyMs: seenAt - accepted.acceptedAt,
      });
    }
  }
}

/** auth: a sign-up ends when its account leaves PENDING (ACTIVE, or REJECTED by user). */
export const SIGN_UP_TERMINAL = `SELECT account_id::text AS id, sign_up_saga_id AS saga, status
  FROM accounts WHERE account_id = ANY($1::uuid[]) AND status <> 'PENDING'`;

/** post: a publication ends when the post leaves PUBLISHING (PUBLISHED, or back to DRAFT). */
export const PUBLISH_TERMINAL = `SELECT post_id::text AS id, publication_saga_id AS saga, status
  FROM posts WHERE post_id = ANY($1::uuid[]) AND status <> 'PUBLISHING'`;
