import type { Event } from '@blog/domain';

/**
 * A blog as subscribe sees it: its audience (`audience-<blogId>`). Closing a blog's
 * subscriptions for saga 3 is ONE fact on this stream, not one event per subscriber:
 * a popular blog's closure stays one append, and restoring is exact, because the read
 * model marks every subscription it closed with the saga's id.
 */
export type AudienceOpened = Event<
  'AudienceOpened',
  { readonly blogId: string; readonly ownerId: string; readonly title: string }
>;
export type AudienceClosed = Event<
  'AudienceClosed',
  { readonly blogId: string; readonly sagaId: string; readonly closed: number }
>;
/** A refusal is recorded too: it is what subscribe answered the saga. */
export type AudienceCloseRefused = Event<
  'AudienceCloseRefused',
  { readonly blogId: string; readonly sagaId: string; readonly reason: string }
>;
export type AudienceRestored = Event<
  'AudienceRestored',
  { readonly blogId: string; readonly sagaId: string; readonly restored: number }
>;
export type AudienceRetired = Event<'AudienceRetired', { readonly blogId: string }>;

export type AudienceEvent =
  AudienceOpened | AudienceClosed | AudienceCloseRefused | AudienceRestored | AudienceRetired;

export const AUDIENCE_STREAM_TYPE = 'audience';
export const audienceStreamId = (blogId: string) => `audience-${blogId}`;
