import { BalancedPool } from 'undici';
import type { UpstreamName } from '../routing/upstream-names';

export interface InstancePoolOptions {
  readonly connections: number;
  readonly timeoutMs: number;
  /** How often each instance's readiness is asked. */
  readonly probeIntervalMs: number;
}

/** What one readiness probe of one instance says: ready to take traffic or not. */
export type ReadinessProbe = (url: string) => Promise<boolean>;

const PROBE_TIMEOUT_MS = 1_000;

export const probeReadiness: ReadinessProbe = (url) =>
  fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }).then(
    (response) => response.ok,
    () => false,
  );

/**
 * The instances of one upstream behind undici's BalancedPool, which spreads requests over
 * them and passes over one that fails to connect. Every `probeIntervalMs` each instance's
 * readiness is asked: one that is not ready leaves the pool, and comes back once it is, so
 * a restarting or broken instance gets no traffic while a ready one exists. When none is
 * ready all stay in: each then answers for itself (a 503 with its reason, at once), which
 * says more than a gateway with nowhere to send.
 */
export class UpstreamInstances {
  readonly pool: BalancedPool;
  private readonly ejected = new Set<string>();
  private readonly timer: NodeJS.Timeout | undefined;
  private probing = false;
  private next = 0;

  constructor(
    readonly upstream: UpstreamName,
    readonly urls: readonly string[],
    options: InstancePoolOptions,
    private readonly probe: ReadinessProbe = probeReadiness,
  ) {
    this.pool = new BalancedPool([...urls], {
      connections: options.connections,
      pipelining: 1,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: { timeout: options.timeoutMs },
    });
    // With one instance there is nothing to choose between: it gets every request.
    this.timer =
      urls.length > 1
        ? setInterval(() => void this.probeAll(), options.probeIntervalMs).unref()
        : undefined;
  }

  /** The instances taking traffic now. */
  get serving(): readonly string[] {
    return this.urls.filter((url) => !this.ejected.has(url));
  }

  /** One serving instance, in turn: for calls that go to a single instance by URL. */
  pick(): string {
    const serving = this.serving;
    const url = serving[this.next % serving.length] ?? this.urls[0] ?? '';
    this.next += 1;
    return url;
  }

  /** Asks every instance once and moves each in or out of the pool by its answer. */
  async probeAll(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      const ready = await Promise.all(this.urls.map((url) => this.probe(url)));
      const anyReady = ready.some(Boolean);
      this.urls.forEach((url, index) => {
        if (ready[index] || !anyReady) this.admit(url);
        else this.eject(url);
      });
    } finally {
      this.probing = false;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.pool.destroy();
  }

  private eject(url: string): void {
    if (this.ejected.has(url)) return;
    this.ejected.add(url);
    this.pool.removeUpstream(url);
  }

  private admit(url: string): void {
    if (!this.ejected.delete(url)) return;
    this.pool.addUpstream(url);
  }
}
