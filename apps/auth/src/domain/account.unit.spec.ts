import { deciderSpec } from '@blog/testing/decider-spec';
import { decideAccount } from './account.decide';
import type { AccountEvent, AccountRegistered } from './account.events';
import { evolveAccount } from './account.evolve';
import { initialAccountState } from './account.state';
import { assertMayLogIn } from './login-policy';

const given = deciderSpec({
  decide: decideAccount,
  evolve: evolveAccount,
  initialState: initialAccountState,
});

const accountId = '0b8f3c4e-2a51-4d7e-9a3b-5c1d2e3f4a5b';
const signUp = 'saga-sign-up';
const close = 'saga-close';
const registered: AccountRegistered = {
  type: 'AccountRegistered',
  data: {
    accountId,
    email: 'ann@example.com',
    handle: 'ann',
    displayName: 'Ann',
    roles: ['user'],
    sagaId: signUp,
  },
};
const activated: AccountEvent = { type: 'AccountActivated', data: { sagaId: signUp } };
const closureRequested: AccountEvent = { type: 'AccountClosureRequested', data: { sagaId: close } };
const step = (name: 'ProfileAnonymised' | 'AccountBlogsDeleted'): AccountEvent => ({
  type: 'AccountClosureStepCompleted',
  data: { sagaId: close, step: name },
});

describe('account decide/evolve: sign-up', () => {
  it('registers a new account, pending under the sign-up saga', () => {
    given()
      .when({ type: 'RegisterAccount', ...registered.data })
      .then(registered);
    expect(given(registered).state).toMatchObject({
      status: 'PENDING',
      lock: { sagaId: signUp, sagaType: 'sign-up' },
    });
  });

  it('refuses to register the same account twice', () => {
    given(registered)
      .when({ type: 'RegisterAccount', ...registered.data })
      .thenRefuses('AUTH.ACCOUNT_EXISTS');
  });

  it('activates when its sign-up saga answers, and releases the lock', () => {
    given(registered).when({ type: 'ActivateAccount', sagaId: signUp }).then(activated);
    expect(given(registered, activated).state).toMatchObject({ status: 'ACTIVE', lock: null });
  });

  it('rejects with the reason (compensation)', () => {
    given(registered)
      .when({ type: 'RejectAccount', sagaId: signUp, reason: 'HANDLE_TAKEN' })
      .then({ type: 'AccountRejected', data: { sagaId: signUp, reason: 'HANDLE_TAKEN' } });
    const rejected = given(registered, {
      type: 'AccountRejected',
      data: { sagaId: signUp, reason: 'HANDLE_TAKEN' },
    }).state;
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'HANDLE_TAKEN',
      lock: null,
    });
  });

  it('times out into REJECTED with reason TIMED_OUT', () => {
    const timedOut: AccountEvent = { type: 'AccountSignUpTimedOut', data: { sagaId: signUp } };
    given(registered).when({ type: 'TimeOutSignUp', sagaId: signUp }).then(timedOut);
    expect(given(registered, timedOut).state).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'TIMED_OUT',
    });
  });

  it('ignores a ProfileCreated that arrives after the timeout: no re-activation', () => {
    given(registered, { type: 'AccountSignUpTimedOut', data: { sagaId: signUp } })
      .when({ type: 'ActivateAccount', sagaId: signUp })
      .then();
  });

  it('ignores duplicate answers and answers from another saga', () => {
    given(registered, activated).when({ type: 'ActivateAccount', sagaId: signUp }).then();
    given(registered, activated).when({ type: 'TimeOutSignUp', sagaId: signUp }).then();
    given(registered).when({ type: 'ActivateAccount', sagaId: 'another-saga' }).then();
    given(registered)
      .when({ type: 'RejectAccount', sagaId: 'another-saga', reason: 'HANDLE_TAKEN' })
      .then();
  });

  it('refuses saga answers for an account that does not exist', () => {
    given().when({ type: 'ActivateAccount', sagaId: signUp }).thenRefuses('AUTH.ACCOUNT_NOT_FOUND');
  });
});

describe('account decide/evolve: semantic locks', () => {
  it('a PENDING account refuses closure with LOCKED, naming the sign-up saga', () => {
    given(registered)
      .when({ type: 'RequestClosure', sagaId: close })
      .thenRefuses('LOCKED', { lock: { sagaId: signUp, sagaType: 'sign-up' } });
  });

  it('a CLOSING account refuses a second closure with LOCKED, naming the close-account saga', () => {
    given(registered, activated, closureRequested)
      .when({ type: 'RequestClosure', sagaId: 'saga-close-2' })
      .thenRefuses('LOCKED', { lock: { sagaId: close, sagaType: 'close-account' } });
  });

  it('refuses closure of rejected and closed accounts with their own codes', () => {
    given(registered, { type: 'AccountRejected', data: { sagaId: signUp, reason: 'HANDLE_TAKEN' } })
      .when({ type: 'RequestClosure', sagaId: close })
      .thenRefuses('AUTH.ACCOUNT_REJECTED');
    given(registered, activated, closureRequested, {
      type: 'AccountClosed',
      data: { sagaId: close },
    })
      .when({ type: 'RequestClosure', sagaId: 'again' })
      .thenRefuses('AUTH.ACCOUNT_CLOSED');
  });
});

describe('account decide/evolve: close account', () => {
  it('an active account starts closing under the close-account saga', () => {
    given(registered, activated)
      .when({ type: 'RequestClosure', sagaId: close })
      .then(closureRequested);
    expect(given(registered, activated, closureRequested).state).toMatchObject({
      status: 'CLOSING',
      lock: { sagaId: close, sagaType: 'close-account' },
    });
  });

  it('records each participant once and closes on the last answer', () => {
    const history = [
      registered,
      activated,
      closureRequested,
      step('ProfileAnonymised'),
      step('AccountBlogsDeleted'),
      {
        type: 'AccountClosureStepCompleted',
        data: { sagaId: close, step: 'AccountSubscriptionsRemoved' },
      } as AccountEvent,
    ];
    given(...history)
      .when({ type: 'CompleteClosureStep', sagaId: close, step: 'ProfileAnonymised' })
      .then();
    given(...history)
      .when({ type: 'CompleteClosureStep', sagaId: close, step: 'AccountVisitsAnonymised' })
      .then(
        {
          type: 'AccountClosureStepCompleted',
          data: { sagaId: close, step: 'AccountVisitsAnonymised' },
        },
        { type: 'AccountClosed', data: { sagaId: close } },
      );
    const closed = given(...history, { type: 'AccountClosed', data: { sagaId: close } }).state;
    expect(closed).toMatchObject({ status: 'CLOSED', lock: null });
  });

  it('times out naming the missing steps; stays CLOSING and locked; late answers still close it', () => {
    const history = [registered, activated, closureRequested, step('ProfileAnonymised')];
    const timedOut: AccountEvent = {
      type: 'AccountClosureTimedOut',
      data: {
        sagaId: close,
        missing: ['AccountBlogsDeleted', 'AccountSubscriptionsRemoved', 'AccountVisitsAnonymised'],
      },
    };
    given(...history)
      .when({ type: 'TimeOutClosure', sagaId: close })
      .then(timedOut);
    expect(given(...history, timedOut).state).toMatchObject({
      status: 'CLOSING',
      lock: { sagaId: close },
      closure: { timedOut: true },
    });
    given(...history, timedOut)
      .when({ type: 'TimeOutClosure', sagaId: close })
      .then();
    given(...history, timedOut)
      .when({ type: 'CompleteClosureStep', sagaId: close, step: 'AccountBlogsDeleted' })
      .then({
        type: 'AccountClosureStepCompleted',
        data: { sagaId: close, step: 'AccountBlogsDeleted' },
      });
  });

  it('ignores closure answers for another saga or an account that is not closing', () => {
    given(registered, activated, closureRequested)
      .when({ type: 'CompleteClosureStep', sagaId: 'other', step: 'ProfileAnonymised' })
      .then();
    given(registered, activated)
      .when({ type: 'CompleteClosureStep', sagaId: close, step: 'ProfileAnonymised' })
      .then();
    given(registered, activated).when({ type: 'TimeOutClosure', sagaId: close }).then();
  });
});

describe('login policy', () => {
  it.each([
    ['PENDING', 'AUTH.ACCOUNT_PENDING'],
    ['REJECTED', 'AUTH.ACCOUNT_REJECTED'],
    ['CLOSING', 'AUTH.ACCOUNT_CLOSING'],
    ['CLOSED', 'AUTH.ACCOUNT_CLOSED'],
  ] as const)('refuses a %s account with %s', (status, code) => {
    expect(() => assertMayLogIn({ status, rejectionReason: null })).toThrow(
      expect.objectContaining({ kind: 'forbidden', code }),
    );
  });

  it('tells a rejected account why', () => {
    expect(() => assertMayLogIn({ status: 'REJECTED', rejectionReason: 'HANDLE_TAKEN' })).toThrow(
      expect.objectContaining({ details: { reason: 'HANDLE_TAKEN' } }),
    );
  });

  it('lets an active account in', () => {
    expect(() => assertMayLogIn({ status: 'ACTIVE', rejectionReason: null })).not.toThrow();
  });
});
