import {
  aggregateStream,
  type EventContext,
  EventStore,
  loadAggregate,
  type RecordedEvent,
} from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import type { AccountCommand } from '../domain/account.commands';
import { decideAccount } from '../domain/account.decide';
import { ACCOUNT_STREAM_TYPE, type AccountEvent, accountStreamId } from '../domain/account.events';
import { evolveAccount } from '../domain/account.evolve';
import { type AccountState, initialAccountState } from '../domain/account.state';
import { asAppError } from './app-errors';
import { projectAccounts } from './accounts.inline-projection';

export const ACCOUNT_STORE = Symbol('ACCOUNT_STORE');

/** The actor of the events auth appends when it reacts to another service's message. */
export const SYSTEM_ACTOR = 'system:saga';

/** auth's event store: appends run the `accounts` projection in the same transaction. */
export function createAccountStore(): EventStore {
  return new EventStore({ inlineProjections: [projectAccounts] });
}

export interface AccountCommandResult {
  readonly state: AccountState;
  readonly events: readonly RecordedEvent<AccountEvent>[];
}

/**
 * Load → decide → append for one account, in the caller's transaction. `beforeAppend`
 * sees the decided events first: saga answers cancel their deadline there, so every
 * writer locks the deadline row before the stream row and none can deadlock another.
 */
export async function executeAccountCommand(
  tx: SqlClient,
  store: EventStore,
  accountId: string,
  command: AccountCommand,
  context: EventContext,
  beforeAppend?: (events: readonly AccountEvent[]) => Promise<void>,
): Promise<AccountCommandResult> {
  const streamId = accountStreamId(accountId);
  const loaded = await loadAggregate<AccountState, AccountEvent>(tx, store, streamId, {
    evolve: evolveAccount,
    initialState: initialAccountState,
  });
  let decided: AccountEvent[];
  try {
    decided = decideAccount(command, loaded.state);
  } catch (error) {
    throw asAppError(error);
  }
  if (decided.length === 0) return { state: loaded.state, events: [] };
  await beforeAppend?.(decided);
  const appended = await store.append(
    tx,
    streamId,
    ACCOUNT_STREAM_TYPE,
    decided,
    loaded.version,
    context,
  );
  return {
    state: aggregateStream(appended.events, evolveAccount, () => loaded.state),
    events: appended.events,
  };
}
