import { fetchConnectorHealth } from '@blog/chassis';
import { eventually } from './api-client';
import { STACK } from './stack-endpoints';

/** Asks Connect to pause or resume, and waits until the connector and every task say so. */
async function switchConnector(name: string, action: 'pause' | 'resume'): Promise<void> {
  const response = await fetch(`${STACK.connectUrl}/connectors/${name}/${action}`, {
    method: 'PUT',
  });
  if (response.status !== 202) throw new Error(`${action} ${name}: HTTP ${response.status}`);
  const wanted = action === 'pause' ? 'PAUSED' : 'RUNNING';
  await eventually(
    () => fetchConnectorHealth(STACK.connectUrl, name, AbortSignal.timeout(5_000)),
    (health) => health.state === wanted,
  );
}

/**
 * Runs `body` while one service's outbox connector is paused (Kafka Connect's own pause, as
 * an operator would): the service goes on committing, its messages wait in the WAL and reach
 * Kafka in order once `body` ends. A spec uses it to decide which of two answers a saga
 * hears first, instead of racing the real pipeline. A task only reports PAUSED after it has
 * handed its last batch to the producer, so nothing committed after this has started `body`
 * slips through. If the run is killed in between, the connector stays paused and the
 * service's health says so.
 */
export async function whileConnectorPaused<T>(
  connector: string,
  body: () => Promise<T>,
): Promise<T> {
  await switchConnector(connector, 'pause');
  try {
    return await body();
  } finally {
    await switchConnector(connector, 'resume');
  }
}
