type Callback = () => void;

/** Keyed by the transaction's client (any `SqlClient`); typed `object` to keep this file a leaf. */
const queues = new WeakMap<object, Callback[]>();

/**
 * Runs `callback` once `tx` has committed, never when it rolls back: counters of things a
 * transaction did (saga steps) must not count a retried or failed attempt. A client that is
 * not inside `inTransaction` commits every statement on its own, so the callback runs now.
 */
export function afterCommit(tx: object, callback: Callback): void {
  const queue = queues.get(tx);
  if (queue) queue.push(callback);
  else callback();
}

/** Called by `inTransaction` right after BEGIN. */
export function openCommitQueue(tx: object): void {
  queues.set(tx, []);
}

/**
 * Called by `inTransaction` when the transaction ended; runs the callbacks only if it
 * committed. A failing callback cannot undo a commit, so it is swallowed.
 */
export function closeCommitQueue(tx: object, committed: boolean): void {
  const queue = queues.get(tx) ?? [];
  queues.delete(tx);
  if (!committed) return;
  for (const callback of queue) {
    try {
      callback();
    } catch {
      // Nothing the caller could do: the data is committed either way.
    }
  }
}
