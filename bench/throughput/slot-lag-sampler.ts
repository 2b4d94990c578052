import type { Pool } from 'pg';

/**
 * Samples how far the connector's replication slot is behind the server's WAL every
 * second: pg_current_wal_lsn() minus confirmed_flush_lsn, the WAL Postgres must keep for
 * it. Debezium confirms on Connect's offset flush (every 5 s here), so a healthy slot
 * still trails by about five seconds of WAL; a growing figure is a pipeline falling behind.
 */
export class SlotLagSampler {
  private timer: NodeJS.Timeout | undefined;
  private max = 0;
  private samples = 0;

  constructor(
    private readonly pool: Pool,
    private readonly slot: string,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sample(), 1_000);
  }

  /** The largest lag since the last call, in bytes, and how many samples it is of. */
  takeMax(): { maxBytes: number; samples: number } {
    const taken = { maxBytes: this.samples ? this.max : Number.NaN, samples: this.samples };
    this.max = 0;
    this.samples = 0;
    return taken;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async sample(): Promise<void> {
    const { rows } = await this.pool
      .query<{ lag: string | null }>(
        `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint::text AS lag
           FROM pg_replication_slots WHERE slot_name = $1`,
        [this.slot],
      )
      .catch(() => ({ rows: [] }));
    const lag = rows[0]?.lag;
    if (lag === undefined || lag === null) return;
    this.max = Math.max(this.max, Number(lag));
    this.samples += 1;
  }
}
