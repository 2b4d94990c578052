import type { Event } from '@blog/domain';

export type Role = 'user' | 'admin';

/** What a closing account waits for: one answer per participant of the close-account saga. */
export const CLOSURE_STEPS = [
  'ProfileAnonymised',
  'AccountBlogsDeleted',
  'AccountSubscriptionsRemoved',
  'AccountVisitsAnonymised',
] as const;
export type ClosureStep = (typeof CLOSURE_STEPS)[number];

/** Starts the sign-up saga. The password hash is not here: credentials are not history. */
export type AccountRegistered = Event<
  'AccountRegistered',
  {
    readonly accountId: string;
    readonly email: string;
    readonly handle: string;
    readonly displayName: string;
    readonly roles: readonly Role[];
    readonly sagaId: string;
  }
>;
export type AccountActivated = Event<'AccountActivated', { readonly sagaId: string }>;
/** Sign-up compensation: the profile was refused (e.g. HANDLE_TAKEN). */
export type AccountRejected = Event<
  'AccountRejected',
  { readonly sagaId: string; readonly reason: string }
>;
/** Sign-up deadline: the account is rejected with reason TIMED_OUT. */
export type AccountSignUpTimedOut = Event<'AccountSignUpTimedOut', { readonly sagaId: string }>;
export type AccountClosureRequested = Event<'AccountClosureRequested', { readonly sagaId: string }>;
export type AccountClosureStepCompleted = Event<
  'AccountClosureStepCompleted',
  { readonly sagaId: string; readonly step: ClosureStep }
>;
export type AccountClosed = Event<'AccountClosed', { readonly sagaId: string }>;
/** Close-account deadline: reported, not compensated; late answers may still close it. */
export type AccountClosureTimedOut = Event<
  'AccountClosureTimedOut',
  { readonly sagaId: string; readonly missing: readonly ClosureStep[] }
>;

export type AccountEvent =
  | AccountRegistered
  | AccountActivated
  | AccountRejected
  | AccountSignUpTimedOut
  | AccountClosureRequested
  | AccountClosureStepCompleted
  | AccountClosed
  | AccountClosureTimedOut;

export const ACCOUNT_STREAM_TYPE = 'account';
export const accountStreamId = (accountId: string) => `account-${accountId}`;

/** The reason a timed-out sign-up shows to the client. */
export const SIGN_UP_TIMED_OUT = 'TIMED_OUT';
