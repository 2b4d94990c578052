import type { HealthIndicatorResult } from '@nestjs/terminus';

/**
 * An extra readiness probe an app contributes (the gateway's upstreams, a connector's
 * state). Implementations are Nest providers; they may inject SERVICE_CONFIG.
 *
 * What a probe may report, and why (the rule every check here follows):
 * - `down` (readiness 503) when this instance cannot serve requests: its database, Kafka,
 *   the gateway's upstreams. Routing traffic elsewhere is then the right thing to do.
 * - `degraded` (readiness stays 200, overall status `degraded`, the component named with
 *   its reason) when only delivery is late: the CDC connector paused or failed, the
 *   replication slot or a consumer group falling behind. Commands still commit; the outbox
 *   and the slot keep every message until delivery resumes. These problems are shared by
 *   every instance of the service (one connector, one slot, one group per database), so
 *   failing readiness would take them all out of rotation and turn a delay into an outage
 *   of the whole API, reads included, and would deadlock start-up too: scripts/stack.sh and
 *   docker-compose.yml register the connectors only once the services answer ready.
 *   Operators alert on the body's `degraded` (and on consumer lag in /metrics).
 */
export interface ReadinessCheck {
  check(): Promise<HealthIndicatorResult>;
}
