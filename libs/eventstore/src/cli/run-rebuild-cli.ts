import { Pool } from 'pg';
import { rebuildProjection } from '../projections/rebuild-projection';
import type { Projection } from '../projections/projection';
import { EventStore } from '../store/event-store';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { parseRebuildArgs, REBUILD_USAGE } from './parse-rebuild-args';
import { ProgressBar, type TextSink } from './progress-bar';

export interface RebuildCliOptions {
  /** The app's upcasters: projections must see the same event shapes as the app. */
  readonly upcasters?: UpcasterRegistry;
  readonly argv?: readonly string[];
  readonly stdout?: TextSink;
  readonly stderr?: TextSink;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `rebuild-projection --database <url> --projection <name>`: rebuilds one of the app's
 * projections blue/green, drawing progress on stderr and printing one result line on
 * stdout. Resolves to the process exit code (0 done, 1 failed or refused, 2 usage).
 */
export async function runRebuildCli(
  projections: readonly Projection[],
  options: RebuildCliOptions = {},
): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  let args;
  try {
    args = parseRebuildArgs(options.argv ?? process.argv.slice(2));
  } catch (error) {
    stderr.write(`${message(error)}\n${REBUILD_USAGE}\n`);
    return 2;
  }
  const projection = projections.find((candidate) => candidate.name === args.projection);
  if (!projection) {
    const known = projections.map((candidate) => candidate.name).join(', ') || 'none';
    stderr.write(`unknown projection "${args.projection}" (known: ${known})\n`);
    return 2;
  }
  const pool = new Pool({ connectionString: args.database, max: 2 });
  try {
    const { rows } = await pool.query<{ total: string }>('SELECT count(*) AS total FROM events');
    const bar = new ProgressBar(stderr, Number(rows[0]?.total ?? 0));
    const store = new EventStore({ upcasters: options.upcasters ?? new UpcasterRegistry() });
    const result = await rebuildProjection(pool, store, projection, {
      batchSize: args.batchSize,
      onProgress: ({ read }) => bar.update(read),
    });
    bar.finish(result.events);
    const seconds = result.elapsedMs / 1000;
    const rate = seconds > 0 ? Math.round(result.events / seconds) : result.events;
    stdout.write(
      `rebuilt ${result.projection} into ${result.table}: ${result.events} events in ${seconds.toFixed(2)} s (${rate} events/s)\n`,
    );
    return 0;
  } catch (error) {
    stderr.write(`\nrebuild of ${projection.name} failed: ${message(error)}\n`);
    return 1;
  } finally {
    await pool.end();
  }
}
