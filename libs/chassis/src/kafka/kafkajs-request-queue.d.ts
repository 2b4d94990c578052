/** The one kafkajs internal we touch (request-queue-idle-fix.ts); kafkajs ships no types for it. */
declare module 'kafkajs/src/network/requestQueue/index.js' {
  interface RequestQueueInternals {
    pending: unknown[];
    throttledUntil: number;
    throttleCheckTimeoutId: NodeJS.Timeout | null;
    scheduleCheckPendingRequests(): void;
    checkPendingRequests(): void;
    push(request: {
      entry: {
        correlationId: number;
        apiKey: number;
        apiName: string;
        apiVersion: number;
        resolve(response: unknown): void;
        reject(error: unknown): void;
      };
      expectResponse: boolean;
      sendRequest(): void;
    }): void;
    destroy(): void;
  }
  const RequestQueue: {
    new (options: {
      clientId: string;
      broker: string;
      requestTimeout: number;
      enforceRequestTimeout: boolean;
      logger: unknown;
    }): RequestQueueInternals;
    prototype: RequestQueueInternals;
  };
  export default RequestQueue;
}
