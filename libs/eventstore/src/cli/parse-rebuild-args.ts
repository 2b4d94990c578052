import { parseArgs } from 'node:util';

export interface RebuildArgs {
  readonly database: string;
  readonly projection: string;
  readonly batchSize: number;
}

export const REBUILD_USAGE =
  'usage: rebuild-projection --database <postgres-url> --projection <name> [--batch-size <n>]';

/** Parses the command line; throws an Error whose message is fit for the user. */
export function parseRebuildArgs(argv: readonly string[]): RebuildArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      database: { type: 'string' },
      projection: { type: 'string' },
      'batch-size': { type: 'string', default: '1000' },
    },
    strict: true,
    allowPositionals: false,
  });
  const batchSize = Number(values['batch-size']);
  if (!values.database) throw new Error('--database is required');
  if (!values.projection) throw new Error('--projection is required');
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error('--batch-size must be a positive integer');
  }
  return { database: values.database, projection: values.projection, batchSize };
}
