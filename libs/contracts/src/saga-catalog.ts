import * as account from './account.contracts';
import * as blog from './blog.contracts';
import * as post from './post.contracts';

/**
 * The four choreography sagas as the monitor sees them: which message starts one and
 * which end it. Every message a saga causes carries its saga id; the types below only
 * decide status. Participants' own steps appear in the timeline without being listed.
 */
export interface SagaShape {
  readonly startedBy: string;
  readonly succeededOn: readonly string[];
  readonly compensatedOn: readonly string[];
  readonly timedOutOn: readonly string[];
}

export const SAGA_CATALOG = {
  'sign-up': {
    startedBy: account.AccountRegistered.type,
    succeededOn: [account.AccountActivated.type],
    compensatedOn: [account.AccountRejected.type],
    timedOutOn: [account.AccountSignUpTimedOut.type],
  },
  'publish-post': {
    startedBy: post.PublishRequested.type,
    succeededOn: [post.PostPublished.type],
    compensatedOn: [post.PublicationReverted.type],
    timedOutOn: [post.PublicationTimedOut.type],
  },
  'delete-blog': {
    startedBy: blog.BlogDeletionRequested.type,
    succeededOn: [blog.BlogDeleted.type],
    compensatedOn: [blog.BlogDeletionCancelled.type],
    timedOutOn: [blog.BlogDeletionTimedOut.type],
  },
  'close-account': {
    startedBy: account.AccountClosureRequested.type,
    succeededOn: [account.AccountClosed.type],
    compensatedOn: [],
    timedOutOn: [account.AccountClosureTimedOut.type],
  },
} as const satisfies Record<string, SagaShape>;

export type SagaType = keyof typeof SAGA_CATALOG;

export const SAGA_TYPES = Object.keys(SAGA_CATALOG) as SagaType[];

/** The saga type a message starts, if it starts one. */
export function sagaStartedBy(messageType: string): SagaType | undefined {
  return SAGA_TYPES.find((type) => SAGA_CATALOG[type].startedBy === messageType);
}
