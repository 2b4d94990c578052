import type { SqlClient } from '@blog/sql';
import type { StoredMetadata } from './event-row';

export interface EventInsert {
  readonly version: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: StoredMetadata;
  readonly schemaVersion: number;
}

export interface InsertedEvent {
  readonly version: number;
  readonly globalPosition: number;
  readonly transactionId: string;
  readonly recordedAt: Date;
}

/** 5 parameters a row: 2,000 rows stay well under Postgres' 65,535 bind parameters. */
export const MAX_ROWS_PER_INSERT = 2_000;
const WIDTH = 5;

type InsertedRow = {
  version: number;
  global_position: string;
  transaction_id: string;
  recorded_at: Date;
};

async function insertChunk(
  tx: SqlClient,
  streamId: string,
  chunk: readonly EventInsert[],
): Promise<InsertedEvent[]> {
  // $1 is the stream id, shared by every row.
  const tuples = chunk.map((_, row) => {
    const at = (column: number) => `$${row * WIDTH + column + 2}`;
    return `($1, ${at(0)}, ${at(1)}, ${at(2)}, ${at(3)}, ${at(4)})`;
  });
  const values = chunk.flatMap((event) => [
    event.version,
    event.type,
    JSON.stringify(event.data),
    JSON.stringify(event.metadata),
    event.schemaVersion,
  ]);
  const { rows } = await tx.query<InsertedRow>(
    `INSERT INTO events (stream_id, version, type, data, metadata, schema_version)
     VALUES ${tuples.join(', ')}
     RETURNING version, global_position, transaction_id::text AS transaction_id, recorded_at`,
    [streamId, ...values],
  );
  return rows.map((row) => ({
    version: row.version,
    globalPosition: Number(row.global_position),
    transactionId: row.transaction_id,
    recordedAt: row.recorded_at,
  }));
}

/**
 * One multi-row INSERT per chunk (one round trip for any ordinary command). RETURNING
 * order is not guaranteed by SQL, so results are keyed back by version.
 */
export async function insertEvents(
  tx: SqlClient,
  streamId: string,
  events: readonly EventInsert[],
): Promise<InsertedEvent[]> {
  const inserted: InsertedEvent[] = [];
  for (let start = 0; start < events.length; start += MAX_ROWS_PER_INSERT) {
    const chunk = events.slice(start, start + MAX_ROWS_PER_INSERT);
    inserted.push(...(await insertChunk(tx, streamId, chunk)));
  }
  return inserted.sort((a, b) => a.version - b.version);
}
