import type { Pool } from 'pg';
import { stackPollIntervalMs } from '../lib/debezium-connector';
import { EffectSink } from '../lib/effect-sink';
import { OutboxSource } from '../lib/outbox-source';
import { summarise, type Summary } from '../lib/stats';
import { ensureTopics } from '@blog/testing';

/**
 * One saga step on its own: an outbox row committed → Debezium (the project's template,
 * the stack's poll interval, the same Connect worker) → Kafka → the library's consumer,
 * until its effect and inbox row commit. That is what each hop of a saga costs before the
 * handler's own work; sent in the same run, at the sagas' pace, under the same load.
 */
export class StepProbe {
  private readonly committedAt = new Map<number, number>();
  private readonly latencies: number[] = [];
  private next = 0;

  private constructor(
    private readonly source: OutboxSource,
    private readonly pool: Pool,
    private sink: EffectSink | null,
  ) {}

  static async open(): Promise<StepProbe> {
    const source = await OutboxSource.create('bench_step');
    try {
      await ensureTopics([source.topic]);
      const pollIntervalMs = await stackPollIntervalMs();
      await source.attachDebezium(pollIntervalMs === undefined ? {} : { pollIntervalMs });
      const probe = new StepProbe(source, source.pool(2), null);
      probe.sink = await EffectSink.start('bench_step_sink', source.topic, (n, at) =>
        probe.applied(n, at),
      );
      return probe;
    } catch (error) {
      await source.close();
      throw error;
    }
  }

  /** Commits one step; its latency is taken when the consumer has applied it. */
  async send(): Promise<void> {
    const n = this.next++;
    await this.source.write(this.pool, [n]);
    this.committedAt.set(n, performance.now());
  }

  summary(): Summary & { sent: number } {
    return { ...summarise(this.latencies), sent: this.next };
  }

  async close(): Promise<void> {
    await this.sink?.stop();
    await this.source.close();
  }

  private applied(n: number, at: number): void {
    const committed = this.committedAt.get(n);
    if (committed !== undefined) this.latencies.push(at - committed);
  }
}
