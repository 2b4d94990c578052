import { z } from 'zod';

/** The part of Kafka Connect's `GET /connectors/<name>/status` answer readiness reads. */
const statusBody = z.object({
  connector: z.object({ state: z.string() }),
  tasks: z.array(z.object({ id: z.number(), state: z.string() })),
});

export interface ConnectorHealth {
  readonly running: boolean;
  /** `RUNNING`, `PAUSED`, `FAILED`, `NOT_REGISTERED`, `UNREACHABLE`, `RUNNING, task 0 FAILED`... */
  readonly state: string;
}

/**
 * Running means the connector and every task run. A connector whose only task FAILED still
 * says RUNNING at the top level, and that is the usual way a Debezium connector breaks. The
 * state names every task that is not where its connector is: a PAUSED connector whose task
 * still says RUNNING has not stopped sending yet.
 */
export function connectorHealthOf(body: unknown): ConnectorHealth {
  const parsed = statusBody.safeParse(body);
  if (!parsed.success) return { running: false, state: 'UNKNOWN (unexpected status body)' };
  const { connector, tasks } = parsed.data;
  if (connector.state === 'RUNNING' && tasks.length === 0)
    return { running: false, state: 'RUNNING, no tasks' };
  const behind = tasks.filter((task) => task.state !== connector.state);
  if (behind.length === 0)
    return { running: connector.state === 'RUNNING', state: connector.state };
  const list = behind.map((task) => `task ${task.id} ${task.state}`).join(', ');
  return { running: false, state: `${connector.state}, ${list}` };
}

/** Asks Kafka Connect's REST API; a worker that does not answer is `UNREACHABLE`. */
export async function fetchConnectorHealth(
  connectUrl: string,
  connector: string,
  signal: AbortSignal,
): Promise<ConnectorHealth> {
  const url = `${connectUrl.replace(/\/$/, '')}/connectors/${encodeURIComponent(connector)}/status`;
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch {
    return { running: false, state: 'UNREACHABLE' };
  }
  if (response.status === 404) return { running: false, state: 'NOT_REGISTERED' };
  if (!response.ok) return { running: false, state: `UNKNOWN (HTTP ${response.status})` };
  return connectorHealthOf(await response.json().catch(() => null));
}
