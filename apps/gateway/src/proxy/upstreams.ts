import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import { UPSTREAM_NAMES, type UpstreamName } from '../routing/upstream-names';
import { UpstreamInstances } from './upstream-instances';

/**
 * Every upstream's instances, for the proxy (its balanced pool) and for the operator
 * routes (one serving instance to ask). Pools outlive the HTTP server's close, so requests
 * still in flight at shutdown can finish.
 */
@Injectable()
export class Upstreams implements OnApplicationShutdown {
  private readonly byName: ReadonlyMap<UpstreamName, UpstreamInstances>;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    const options = {
      connections: config.UPSTREAM_CONNECTIONS,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      probeIntervalMs: config.UPSTREAM_PROBE_MS,
    };
    this.byName = new Map(
      UPSTREAM_NAMES.map((name) => [
        name,
        new UpstreamInstances(name, config.upstreams[name], options),
      ]),
    );
  }

  of(name: UpstreamName): UpstreamInstances {
    const instances = this.byName.get(name);
    if (!instances) throw new Error(`no upstream ${name}`);
    return instances;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.byName.values()].map((instances) => instances.close()));
  }
}
