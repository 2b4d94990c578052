import type { HealthIndicatorResult } from '@nestjs/terminus';

/**
 * An extra readiness probe an app contributes (the gateway's upstreams, a connector's
 * state). Implementations are Nest providers; they may inject SERVICE_CONFIG.
 */
export interface ReadinessCheck {
  check(): Promise<HealthIndicatorResult>;
}
