import autocannon from 'autocannon';
import { CpuMeter, type CpuReading, type CpuSource } from './cpu-meter';

export interface LoadTarget {
  readonly url: string;
  /**
   * The same route on more instances: autocannon spreads the connections over `url` and
   * these in turn (connection i to the i-th modulo), as a load balancer in front of them
   * would. Only runLoad and warmUp read it.
   */
  readonly balancedWith?: readonly string[];
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface LoadOptions {
  readonly connections: number;
  readonly seconds: number;
  readonly cpuSources?: readonly CpuSource[];
}

export interface LoadResult {
  readonly requests: number;
  readonly rps: number;
  /** autocannon's histogram keeps whole milliseconds. */
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly cpu: CpuReading | null;
}

/**
 * autocannon 9 takes a list of URLs (lib/run.js: `urls[i % urls.length]` per connection), but
 * @types/autocannon only knows one string.
 */
function urlsOf(target: LoadTarget): string {
  const urls = [target.url, ...(target.balancedWith ?? [])];
  return (urls.length === 1 ? target.url : urls) as unknown as string;
}

function fire(target: LoadTarget, connections: number, seconds: number) {
  return autocannon({
    url: urlsOf(target),
    method: target.method ?? 'GET',
    headers: { ...target.headers },
    ...(target.body === undefined ? {} : { body: target.body }),
    connections,
    duration: seconds,
  });
}

/** autocannon against one target for a while, with the CPU its processes used meanwhile. */
export async function runLoad(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  const meter = options.cpuSources ? await CpuMeter.start(options.cpuSources) : null;
  const result = await fire(target, options.connections, options.seconds);
  const cpu = meter ? await meter.stop() : null;
  return {
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    cpu,
  };
}

/** Unmeasured traffic first: JIT, connection pools and caches warm, as in production. */
export async function warmUp(target: LoadTarget, connections: number, seconds: number) {
  if (seconds > 0) await fire(target, connections, seconds);
}
