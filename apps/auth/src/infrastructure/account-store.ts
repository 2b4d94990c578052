import {
  type CommandOptions,
  type CommandResult,
  type CommandRun,
  type EventContext,
  EventStore,
  handleCommand,
} from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import type { AccountCommand } from '../domain/account.commands';
import { decideAccount } from '../domain/account.decide';
import { ACCOUNT_STREAM_TYPE, type AccountEvent, accountStreamId } from '../domain/account.events';
import { evolveAccount } from '../domain/account.evolve';
import { type AccountState, initialAccountState } from '../domain/account.state';
import { projectAccounts } from './accounts.inline-projection';

export const ACCOUNT_STORE = Symbol('ACCOUNT_STORE');

/** The actor of the events auth appends when it reacts to another service's message. */
export const SYSTEM_ACTOR = 'system:saga';

/** auth's event store: appends run the `accounts` projection in the same transaction. */
export function createAccountStore(): EventStore {
  return new EventStore({ inlineProjections: [projectAccounts] });
}

const ACCOUNT_STREAM: CommandOptions<AccountState, AccountEvent> = {
  streamType: ACCOUNT_STREAM_TYPE,
  evolve: evolveAccount,
  initialState: initialAccountState,
};

export type AccountCommandResult = CommandResult<AccountState, AccountEvent>;

/** handleCommand for one account and one of its commands. */
export function executeAccountCommand(
  tx: SqlClient,
  store: EventStore,
  accountId: string,
  command: AccountCommand,
  context: EventContext,
  run?: CommandRun<AccountEvent>,
): Promise<AccountCommandResult> {
  return handleCommand(
    tx,
    store,
    accountStreamId(accountId),
    ACCOUNT_STREAM,
    context,
    (state) => decideAccount(command, state),
    run,
  );
}
