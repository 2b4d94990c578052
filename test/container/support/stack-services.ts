import { stackCommand } from '@blog/testing';
import { SERVICES } from './service-containers';

/** Takes the stack's own seven service processes away; its infrastructure keeps running. */
export async function stopStackServices(): Promise<void> {
  await Promise.all(SERVICES.map((service) => stackCommand('scripts/stack.sh', ['stop', service])));
}

/**
 * Brings the stack's seven services back, each `start` waiting for its readiness: the
 * upstreams together, then the gateway, whose readiness includes them. Every start is
 * tried even when one fails, so one broken service does not keep the others away.
 */
export async function startStackServices(): Promise<void> {
  const upstreams = SERVICES.filter((service) => service !== 'gateway');
  const results = await Promise.allSettled(
    upstreams.map((service) => stackCommand('scripts/stack.sh', ['start', service])),
  );
  results.push(
    ...(await Promise.allSettled([stackCommand('scripts/stack.sh', ['start', 'gateway'])])),
  );
  const failures = results.flatMap((result) =>
    result.status === 'rejected' ? [result.reason] : [],
  );
  if (failures.length) {
    throw new AggregateError(failures, "the stack's services did not all come back");
  }
}
