import {
  freePort,
  type NodeProcess,
  serviceLaunch,
  stackUsesTracing,
  startNode,
  waitForOk,
} from './node-process';

export interface ExtraGateway {
  readonly url: string;
  readonly instance: NodeProcess;
  stop(): Promise<void>;
}

/**
 * A second gateway process in front of the running services, as the stack runs its own
 * (same build, same tracing preload, same log level) but with rate limits out of the way:
 * the stack's gateway allows 600 requests a minute per address, and every local client,
 * other engineers' specs included, is 127.0.0.1. No saga monitor: it would be a second
 * consumer of every topic.
 */
export async function startExtraGateway(
  /** Default: as the stack's gateway runs (the tracing preload when it has it). */
  tracing?: boolean,
  /** More environment, e.g. a trace sampler. */
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<ExtraGateway> {
  const port = await freePort();
  const instance = startNode({
    ...serviceLaunch('gateway', tracing ?? (await stackUsesTracing('gateway'))),
    label: 'bench-gateway',
    env: {
      PORT: String(port),
      SAGA_MONITOR_ENABLED: 'false',
      // The largest budgets the gateway's config accepts, per second rather than per minute.
      RATE_LIMIT_MAX: '1000000',
      RATE_LIMIT_WINDOW_MS: '1000',
      AUTH_RATE_LIMIT_MAX: '1000000',
      AUTH_RATE_LIMIT_WINDOW_MS: '1000',
      ...extraEnv,
    },
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${url}/health/ready`, instance);
  } catch (error) {
    await instance.stop();
    throw error;
  }
  return { url, instance, stop: () => instance.stop() };
}
