import type { ReadinessCheck } from '@blog/chassis';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

const UPSTREAM_TIMEOUT_MS = 1_000;

const isAlive = (url: string) =>
  fetch(`${url}/health/live`, { signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) }).then(
    (response) => response.ok,
    () => false,
  );

/** The gateway is ready only when every upstream it routes to has an instance alive. */
@Injectable()
export class UpstreamsReadiness implements ReadinessCheck {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async check() {
    const failing: string[] = [];
    await Promise.all(
      Object.entries(this.config.upstreams).map(async ([name, urls]) => {
        const alive = await Promise.all(urls.map(isAlive));
        if (!alive.some(Boolean)) failing.push(name);
      }),
    );
    const session = this.indicators.check('upstreams');
    return failing.length === 0 ? session.up() : session.down({ failing: failing.sort() });
  }
}
