import RequestQueue from 'kafkajs/src/network/requestQueue/index.js';

const upstream = RequestQueue.prototype.scheduleCheckPendingRequests;

/**
 * kafkajs 2.2.4, its last release, re-arms a timer in every connection's request queue
 * even when nothing waits: `setTimeout(check, throttledUntil - now)` with a negative delay,
 * which fires every millisecond and re-arms itself for as long as the connection lives
 * (tulios/kafkajs#1556; the fix in #1667 was never merged). The seven idle services took
 * 0.30 of a core with it and 0.13 without (bench/RESULTS.md, 2026-12-04). With nothing
 * pending there is nothing to check: push() schedules a check when it queues a request,
 * and every answered or timed-out request checks the queue again.
 *
 * Patched on the prototype, which the bundle and node_modules share; applied once, by
 * createKafka (kafka-client.ts).
 */
export function stopIdleRequestQueueTimers(): void {
  if (RequestQueue.prototype.scheduleCheckPendingRequests !== upstream) return;
  RequestQueue.prototype.scheduleCheckPendingRequests = function scheduleWhenPending() {
    if (this.pending.length === 0) return;
    upstream.call(this);
  };
}
