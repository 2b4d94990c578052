import RequestQueue from 'kafkajs/src/network/requestQueue/index.js';
import { stopIdleRequestQueueTimers } from './request-queue-idle-fix';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined };

function queue() {
  return new RequestQueue({
    clientId: 'spec',
    broker: '127.0.0.1:9092',
    requestTimeout: 1_000,
    enforceRequestTimeout: false,
    logger: silent,
  });
}

function request(correlationId: number, sendRequest: () => void) {
  const done = () => undefined;
  const entry = {
    correlationId,
    apiKey: 1,
    apiName: 'Fetch',
    apiVersion: 11,
    resolve: done,
    reject: done,
  };
  return { entry, expectResponse: false, sendRequest };
}

describe('kafkajs request queue without its idle timer loop', () => {
  const queues: ReturnType<typeof queue>[] = [];
  const made = () => {
    const made = queue();
    queues.push(made);
    return made;
  };
  afterEach(() => queues.splice(0).forEach((each) => each.destroy()));

  // Runs first, before the fix: it fails once kafkajs stops the loop itself, and then the fix
  // (and this spec) can go.
  it('upstream re-arms a timer after every check even with nothing pending', () => {
    const idle = made();
    idle.checkPendingRequests();
    expect(idle.throttleCheckTimeoutId).not.toBeNull();
  });

  it('arms no timer when a check finds nothing pending', () => {
    stopIdleRequestQueueTimers();
    const idle = made();
    idle.checkPendingRequests();
    expect(idle.throttleCheckTimeoutId).toBeNull();
  });

  it('still sends a request queued while throttled once the throttle ends', async () => {
    stopIdleRequestQueueTimers();
    const throttled = made();
    throttled.throttledUntil = Date.now() + 30;
    const sent = vi.fn();
    throttled.push(request(1, sent));
    expect(sent).not.toHaveBeenCalled();
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1), { timeout: 1_000 });
  });

  it('is applied once however many clients are made', () => {
    stopIdleRequestQueueTimers();
    const patched = RequestQueue.prototype.scheduleCheckPendingRequests;
    stopIdleRequestQueueTimers();
    expect(RequestQueue.prototype.scheduleCheckPendingRequests).toBe(patched);
  });
});
