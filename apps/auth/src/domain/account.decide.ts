import { AppError, assertUnlocked, releasedBy } from '@blog/domain';
import type { AccountCommand } from './account.commands';
import { type AccountEvent, CLOSURE_STEPS } from './account.events';
import type { AccountState, ExistingAccount } from './account.state';

function existing(state: AccountState): ExistingAccount {
  if (state.status === 'NEW') {
    throw new AppError('not-found', 'AUTH.ACCOUNT_NOT_FOUND', 'No such account');
  }
  return state;
}

/** True when the saga that holds the lock answers, and the account still waits for it. */
const awaits = (state: AccountState, status: 'PENDING' | 'CLOSING', sagaId: string) =>
  state.status === status && releasedBy(state.lock, sagaId);

function requestClosure(state: ExistingAccount, sagaId: string): AccountEvent[] {
  const resource = `account ${state.accountId}`;
  switch (state.status) {
    case 'PENDING':
    case 'CLOSING':
      assertUnlocked(state.lock, resource, 'close the account');
      throw new AppError('conflict', 'AUTH.ACCOUNT_NOT_ACTIVE', 'The account is not active');
    case 'REJECTED':
      throw new AppError('conflict', 'AUTH.ACCOUNT_REJECTED', 'The account was rejected');
    case 'CLOSED':
      throw new AppError('conflict', 'AUTH.ACCOUNT_CLOSED', 'The account is closed');
    case 'ACTIVE':
      return [{ type: 'AccountClosureRequested', data: { sagaId } }];
    default: {
      const unknown: never = state.status;
      throw new Error(`Unknown account status ${String(unknown)}`);
    }
  }
}

function completeClosureStep(
  state: AccountState,
  command: Extract<AccountCommand, { type: 'CompleteClosureStep' }>,
): AccountEvent[] {
  if (state.status !== 'CLOSING' || !awaits(state, 'CLOSING', command.sagaId)) return [];
  const completed = state.closure?.completed ?? [];
  if (completed.includes(command.step)) return [];
  const step: AccountEvent = {
    type: 'AccountClosureStepCompleted',
    data: { sagaId: command.sagaId, step: command.step },
  };
  const done = CLOSURE_STEPS.every((each) => each === command.step || completed.includes(each));
  return done ? [step, { type: 'AccountClosed', data: { sagaId: command.sagaId } }] : [step];
}

function timeOutClosure(state: AccountState, sagaId: string): AccountEvent[] {
  if (state.status !== 'CLOSING' || !awaits(state, 'CLOSING', sagaId)) return [];
  if (state.closure?.timedOut) return [];
  const completed = state.closure?.completed ?? [];
  const missing = CLOSURE_STEPS.filter((step) => !completed.includes(step));
  return [{ type: 'AccountClosureTimedOut', data: { sagaId, missing } }];
}

/**
 * The account's rules. Saga answers that come too late or twice decide nothing (an empty
 * list) rather than fail: choreography delivers them at least once and in any order.
 */
export function decideAccount(command: AccountCommand, state: AccountState): AccountEvent[] {
  switch (command.type) {
    case 'RegisterAccount': {
      if (state.status !== 'NEW') {
        throw new AppError('conflict', 'AUTH.ACCOUNT_EXISTS', 'The account already exists');
      }
      const { type: _, ...data } = command;
      return [{ type: 'AccountRegistered', data }];
    }
    case 'ActivateAccount':
      existing(state);
      return awaits(state, 'PENDING', command.sagaId)
        ? [{ type: 'AccountActivated', data: { sagaId: command.sagaId } }]
        : [];
    case 'RejectAccount':
      existing(state);
      return awaits(state, 'PENDING', command.sagaId)
        ? [{ type: 'AccountRejected', data: { sagaId: command.sagaId, reason: command.reason } }]
        : [];
    case 'TimeOutSignUp':
      existing(state);
      return awaits(state, 'PENDING', command.sagaId)
        ? [{ type: 'AccountSignUpTimedOut', data: { sagaId: command.sagaId } }]
        : [];
    case 'RequestClosure':
      return requestClosure(existing(state), command.sagaId);
    case 'CompleteClosureStep':
      existing(state);
      return completeClosureStep(state, command);
    case 'TimeOutClosure':
      existing(state);
      return timeOutClosure(state, command.sagaId);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
