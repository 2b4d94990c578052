import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { SERVICE_CONFIG } from '../config/config.tokens';
import type { ServiceConfig } from '../config/service-config';
import { ConsumerLagProbe } from '../messaging/consumer-lag.probe';
import { consumerLagVerdict } from './consumer-lag-verdict';
import type { ReadinessCheck } from './readiness-check';
import { reasonOf, within } from './within';

const LAG_TIMEOUT_MS = 1_000;

/**
 * `consumers` in /health/ready of a service that consumes: each group's lag. A lagging
 * group is `degraded`, never `down` (see readiness-check.ts): more instances help it catch
 * up, fewer do not. Kafka being away is already the `kafka` indicator's `down`.
 */
@Injectable()
export class ConsumerLagReadiness implements ReadinessCheck {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly probe: ConsumerLagProbe,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async check() {
    if (this.probe.groups().length === 0) return {};
    const session = this.indicators.check('consumers');
    const maxLag = this.config.CONSUMER_MAX_LAG;
    try {
      const lags = await within(LAG_TIMEOUT_MS, 'Kafka', () => this.probe.sample());
      const verdict = consumerLagVerdict(lags, maxLag);
      return verdict.healthy
        ? session.up({ lag: verdict.lag, maxLag })
        : session.degraded({ lag: verdict.lag, maxLag, problems: verdict.problems });
    } catch (error) {
      return session.degraded({ maxLag, problems: [`lag unknown: ${reasonOf(error)}`] });
    }
  }
}
