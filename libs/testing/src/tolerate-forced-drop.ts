import type { DatabaseError, Pool } from 'pg';

/**
 * Test and benchmark databases are dropped WITH (FORCE) right after their pools are ended, and
 * `pool.end()` resolves before its idle clients have closed: the server's "terminating
 * connection" (57P01) then reaches the pool as an error event nobody listens to.
 * Anything else is still raised.
 */
export function tolerateForcedDrop(pool: Pool): Pool {
  pool.on('error', (error: Error) => {
    if ((error as DatabaseError).code !== '57P01') throw error;
  });
  return pool;
}
