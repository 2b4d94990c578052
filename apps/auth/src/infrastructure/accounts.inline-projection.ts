import type { RecordedEvent } from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import { type AccountEvent, SIGN_UP_TIMED_OUT } from '../domain/account.events';
import type { AccountStatus } from '../domain/account.state';

const TYPES: ReadonlySet<string> = new Set<AccountEvent['type']>([
  'AccountRegistered',
  'AccountActivated',
  'AccountRejected',
  'AccountSignUpTimedOut',
  'AccountClosureRequested',
  'AccountClosureStepCompleted',
  'AccountClosed',
  'AccountClosureTimedOut',
]);

function isAccountEvent(event: RecordedEvent): event is RecordedEvent<AccountEvent> {
  return TYPES.has(event.type);
}

const accountIdOf = (streamId: string) => streamId.replace(/^account-/, '');

/**
 * The `accounts` read model, written in the appending transaction: the partial unique
 * index on the email refuses a second live account in that same transaction.
 */
export async function projectAccounts(
  tx: SqlClient,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const event of events.filter(isAccountEvent)) {
    const key = [accountIdOf(event.streamId), event.version, event.recordedAt];
    const setStatus = (status: AccountStatus, extra = '', values: unknown[] = []) =>
      tx.query(
        `UPDATE accounts SET version = $2, updated_at = $3, status = $4 ${extra}
          WHERE account_id = $1`,
        [...key, status, ...values],
      );
    switch (event.type) {
      case 'AccountRegistered':
        await tx.query(
          `INSERT INTO accounts (account_id, version, created_at, updated_at, email, roles, status,
                                 sign_up_saga_id)
           VALUES ($1, $2, $3, $3, $4, $5, 'PENDING', $6)`,
          [...key, event.data.email, event.data.roles, event.data.sagaId],
        );
        break;
      case 'AccountActivated':
        await setStatus('ACTIVE');
        break;
      case 'AccountRejected':
        await setStatus('REJECTED', ', rejection_reason = $5', [event.data.reason]);
        break;
      case 'AccountSignUpTimedOut':
        await setStatus('REJECTED', ', rejection_reason = $5', [SIGN_UP_TIMED_OUT]);
        break;
      case 'AccountClosureRequested':
        await setStatus('CLOSING', ', closure_saga_id = $5', [event.data.sagaId]);
        break;
      case 'AccountClosed':
        await setStatus('CLOSED');
        break;
      case 'AccountClosureStepCompleted':
      case 'AccountClosureTimedOut':
        await tx.query(
          `UPDATE accounts SET version = $2, updated_at = $3 WHERE account_id = $1`,
          key,
        );
        break;
      default: {
        const unknown: never = event;
        throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
      }
    }
  }
}
