import { releasedBy } from '@blog/domain';
import { type AccountEvent, SIGN_UP_TIMED_OUT } from './account.events';
import type { AccountState, ExistingAccount } from './account.state';

function on(state: AccountState, change: (account: ExistingAccount) => AccountState) {
  return state.status === 'NEW' ? state : change(state);
}

/** Only the saga holding the lock releases it; any other saga's answer leaves it be. */
function release(account: ExistingAccount, sagaId: string) {
  return releasedBy(account.lock, sagaId) ? null : account.lock;
}

/** The account after one more event. Pure; facts are never refused here. */
export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  switch (event.type) {
    case 'AccountRegistered':
      return {
        status: 'PENDING',
        accountId: event.data.accountId,
        roles: event.data.roles,
        lock: { sagaId: event.data.sagaId, sagaType: 'sign-up' },
        rejectionReason: null,
        closure: null,
      };
    case 'AccountActivated':
      return on(state, (account) => ({
        ...account,
        status: 'ACTIVE',
        lock: release(account, event.data.sagaId),
      }));
    case 'AccountRejected':
      return on(state, (account) => ({
        ...account,
        status: 'REJECTED',
        rejectionReason: event.data.reason,
        lock: release(account, event.data.sagaId),
      }));
    case 'AccountSignUpTimedOut':
      return on(state, (account) => ({
        ...account,
        status: 'REJECTED',
        rejectionReason: SIGN_UP_TIMED_OUT,
        lock: release(account, event.data.sagaId),
      }));
    case 'AccountClosureRequested':
      return on(state, (account) => ({
        ...account,
        status: 'CLOSING',
        lock: { sagaId: event.data.sagaId, sagaType: 'close-account' },
        closure: { sagaId: event.data.sagaId, completed: [], timedOut: false },
      }));
    case 'AccountClosureStepCompleted':
      return on(state, (account) => ({
        ...account,
        closure: account.closure && {
          ...account.closure,
          completed: [...account.closure.completed, event.data.step],
        },
      }));
    case 'AccountClosureTimedOut':
      return on(state, (account) => ({
        ...account,
        closure: account.closure && { ...account.closure, timedOut: true },
      }));
    case 'AccountClosed':
      return on(state, (account) => ({
        ...account,
        status: 'CLOSED',
        lock: release(account, event.data.sagaId),
      }));
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
