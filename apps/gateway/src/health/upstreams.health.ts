import type { ReadinessCheck } from '@blog/chassis';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

const UPSTREAM_TIMEOUT_MS = 1_000;

/** The gateway is ready only when every upstream it routes to is alive. */
@Injectable()
export class UpstreamsReadiness implements ReadinessCheck {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async check() {
    const failing: string[] = [];
    await Promise.all(
      Object.entries(this.config.upstreams).map(async ([name, url]) => {
        const alive = await fetch(`${url}/health/live`, {
          signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
        }).then(
          (response) => response.ok,
          () => false,
        );
        if (!alive) failing.push(name);
      }),
    );
    const session = this.indicators.check('upstreams');
    return failing.length === 0 ? session.up() : session.down({ failing: failing.sort() });
  }
}
