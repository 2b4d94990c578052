import { eventually } from './api-client';
import { STACK } from './stack-endpoints';

interface ConnectorStatus {
  readonly connector: { readonly state: string };
  readonly tasks: readonly { readonly state: string }[];
}

async function connectorStatus(name: string): Promise<ConnectorStatus> {
  const response = await fetch(`${STACK.connectUrl}/connectors/${name}/status`);
  if (!response.ok) throw new Error(`status of ${name}: HTTP ${response.status}`);
  return (await response.json()) as ConnectorStatus;
}

/** Asks Connect to pause or resume, and waits until the connector and its tasks say so. */
async function switchConnector(name: string, action: 'pause' | 'resume'): Promise<void> {
  const response = await fetch(`${STACK.connectUrl}/connectors/${name}/${action}`, {
    method: 'PUT',
  });
  if (response.status !== 202) throw new Error(`${action} ${name}: HTTP ${response.status}`);
  const wanted = action === 'pause' ? 'PAUSED' : 'RUNNING';
  await eventually(
    () => connectorStatus(name),
    (status) =>
      status.connector.state === wanted &&
      status.tasks.length > 0 &&
      status.tasks.every((task) => task.state === wanted),
  );
}

/**
 * Runs `body` while one service's outbox connector is paused (Kafka Connect's own pause, as
 * an operator would): the service goes on committing, its messages wait in the WAL and reach
 * Kafka in order once `body` ends. A spec uses it to decide which of two answers a saga
 * hears first, instead of racing the real pipeline. A task only reports PAUSED after it has
 * stopped sending, so nothing slips through once this has started `body`. If the run is
 * killed in between, the connector stays paused and the service's health says so.
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
