import type { Event } from '@blog/domain';

/** Sign-up's profile step: the handle is taken in the same transaction (unique index). */
export type ProfileCreated = Event<
  'ProfileCreated',
  {
    readonly accountId: string;
    readonly handle: string;
    readonly displayName: string;
    readonly sagaId: string;
  }
>;
/** Only the fields present changed; `bio: null` clears it. */
export type ProfileUpdated = Event<
  'ProfileUpdated',
  { readonly displayName?: string; readonly bio?: string | null }
>;
/** Sign-up failed after the profile was created (late answer, deadline): the handle is free again. */
export type ProfileReleased = Event<
  'ProfileReleased',
  { readonly sagaId: string; readonly reason: string }
>;
/** Account closure: handle freed, display name and bio erased from the read model. */
export type ProfileAnonymised = Event<'ProfileAnonymised', { readonly sagaId: string }>;

export type ProfileEvent = ProfileCreated | ProfileUpdated | ProfileReleased | ProfileAnonymised;

export const PROFILE_STREAM_TYPE = 'profile';
export const profileStreamId = (accountId: string) => `profile-${accountId}`;
