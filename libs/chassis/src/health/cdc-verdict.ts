import type { ConnectorHealth } from './connector-status';
import type { SlotLag } from './replication-slot';

export interface CdcFacts {
  readonly connector: string;
  readonly connectorHealth: ConnectorHealth;
  readonly slot: string;
  /** null: no such slot; an Error: the database did not answer. */
  readonly slotLag: SlotLag | null | Error;
  readonly maxSlotLagBytes: number;
}

export interface CdcVerdict {
  readonly healthy: boolean;
  /** What an operator reads in /health/ready: one line per problem. */
  readonly problems: readonly string[];
  readonly details: Record<string, string | number | boolean | null>;
}

/** Pure: the connector's state and the slot's lag, judged against the threshold. */
export function cdcVerdict(facts: CdcFacts): CdcVerdict {
  const { connector, connectorHealth, slot, slotLag, maxSlotLagBytes } = facts;
  const problems: string[] = [];
  if (!connectorHealth.running) problems.push(`connector ${connector} is ${connectorHealth.state}`);
  const details: CdcVerdict['details'] = {
    connector,
    state: connectorHealth.state,
    slot,
    maxSlotLagBytes,
  };
  if (slotLag instanceof Error) {
    problems.push(`slot ${slot} could not be read: ${slotLag.message}`);
  } else if (slotLag === null) {
    problems.push(`slot ${slot} does not exist`);
  } else {
    Object.assign(details, {
      slotDatabase: slotLag.database,
      slotActive: slotLag.active,
      walStatus: slotLag.walStatus,
      slotLagBytes: slotLag.lagBytes,
      slotRetainedBytes: slotLag.retainedBytes,
    });
    if (slotLag.walStatus === 'lost') problems.push(`slot ${slot} lost WAL it still needed`);
    if (slotLag.lagBytes > maxSlotLagBytes) {
      problems.push(`slot ${slot} is ${slotLag.lagBytes} bytes behind (max ${maxSlotLagBytes})`);
    }
  }
  return { healthy: problems.length === 0, problems, details };
}
