import type { SqlClient } from '@blog/sql';

/**
 * Re-publishes the outbox messages this service emitted for a saga, with their original
 * message ids, by inserting the rows again (Debezium only sees inserts). Consumers'
 * inboxes drop what they already applied, so a replay — or ten — has no second effect.
 * Only the first row of each message id is copied, so repeated replays do not snowball.
 */
export async function republishSagaMessages(tx: SqlClient, sagaId: string): Promise<number> {
  const { rowCount } = await tx.query(
    `INSERT INTO outbox (id, aggregatetype, aggregateid, type, payload, correlation_id,
                         causation_id, saga_id, traceparent, occurred_at, schema_version)
     SELECT id, aggregatetype, aggregateid, type, payload, correlation_id,
            causation_id, saga_id, traceparent, occurred_at, schema_version
       FROM (SELECT DISTINCT ON (id) * FROM outbox WHERE saga_id = $1 ORDER BY id, seq) AS first
      ORDER BY seq`,
    [sagaId],
  );
  return rowCount ?? 0;
}
