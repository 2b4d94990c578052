import { ServiceMetrics } from './service-metrics';

/**
 * The one registry of this process. prom-client's global registry is avoided on purpose: any
 * dependency may register into it, and a name registered twice throws at start-up.
 */
export const metrics = new ServiceMetrics();
