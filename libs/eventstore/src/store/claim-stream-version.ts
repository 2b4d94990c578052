import type { SqlClient } from '@blog/sql';
import { ConcurrencyError } from '../errors/concurrency.error';
import type { ExpectedVersion } from '../events/event';

// The stream row is the lock: a concurrent writer with the same expectation blocks on it
// and then matches zero rows, so exactly one of them wins without a unique-violation
// error aborting the loser's transaction.
const CREATE = `
  INSERT INTO event_streams (stream_id, stream_type, version) VALUES ($1, $2, $3)
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING version`;
const ADVANCE = `
  UPDATE event_streams SET version = version + $2, updated_at = now()
  WHERE stream_id = $1 AND version = $3
  RETURNING version`;
const CREATE_OR_ADVANCE = `
  INSERT INTO event_streams (stream_id, stream_type, version) VALUES ($1, $2, $3)
  ON CONFLICT (stream_id) DO UPDATE
    SET version = event_streams.version + EXCLUDED.version, updated_at = now()
  RETURNING version`;

type VersionRow = { version: number };

function claim(
  tx: SqlClient,
  streamId: string,
  streamType: string,
  count: number,
  expected: ExpectedVersion,
) {
  if (expected === 'any') {
    return tx.query<VersionRow>(CREATE_OR_ADVANCE, [streamId, streamType, count]);
  }
  if (expected === 'no_stream' || expected === 0) {
    return tx.query<VersionRow>(CREATE, [streamId, streamType, count]);
  }
  if (!Number.isInteger(expected) || expected < 0) {
    throw new RangeError(`Expected version must be a non-negative integer, got ${expected}`);
  }
  return tx.query<VersionRow>(ADVANCE, [streamId, count, expected]);
}

/** The stream's version now, or null when it does not exist. */
export async function streamVersion(tx: SqlClient, streamId: string): Promise<number | null> {
  const { rows } = await tx.query<VersionRow>(
    'SELECT version FROM event_streams WHERE stream_id = $1',
    [streamId],
  );
  return rows[0]?.version ?? null;
}

/**
 * Reserves versions for `count` new events if the stream is where the caller expects it,
 * and returns the stream's new version; throws ConcurrencyError otherwise.
 */
export async function claimStreamVersion(
  tx: SqlClient,
  streamId: string,
  streamType: string,
  count: number,
  expected: ExpectedVersion,
): Promise<number> {
  const { rows } = await claim(tx, streamId, streamType, count, expected);
  const claimed = rows[0];
  if (claimed !== undefined) return claimed.version;
  throw new ConcurrencyError(streamId, expected, await streamVersion(tx, streamId));
}
