import type { Event } from '@blog/domain';

/** What a post may be archived from, and restored to, when its blog is deleted. */
export type ArchivableStatus = 'DRAFT' | 'PUBLISHED';

export type PostDrafted = Event<
  'PostDrafted',
  {
    readonly postId: string;
    readonly blogId: string;
    readonly authorId: string;
    readonly title: string;
    readonly slug: string;
    readonly body: string;
  }
>;
export type PostEdited = Event<
  'PostEdited',
  { readonly title: string; readonly slug: string; readonly body: string }
>;
/** Saga 2 starts: PUBLISHING under the saga's lock. */
export type PostPublicationRequested = Event<
  'PostPublicationRequested',
  { readonly sagaId: string }
>;
export type PostPublished = Event<
  'PostPublished',
  { readonly sagaId: string; readonly publishedAt: string }
>;
/** Compensation: the blog rejected the publication; DRAFT again with its reason. */
export type PostPublicationReverted = Event<
  'PostPublicationReverted',
  { readonly sagaId: string; readonly reason: string }
>;
export type PostPublicationTimedOut = Event<'PostPublicationTimedOut', { readonly sagaId: string }>;
export type PostUnpublished = Event<'PostUnpublished', Record<string, never>>;
export type PostDeleted = Event<'PostDeleted', Record<string, never>>;
/** Saga 3, post's step: the blog is being deleted. */
export type PostArchived = Event<
  'PostArchived',
  { readonly sagaId: string; readonly previousStatus: ArchivableStatus }
>;
/** Saga 3 compensation: the deletion was cancelled or timed out. */
export type PostRestored = Event<
  'PostRestored',
  { readonly sagaId: string; readonly status: ArchivableStatus }
>;

export type PostEvent =
  | PostDrafted
  | PostEdited
  | PostPublicationRequested
  | PostPublished
  | PostPublicationReverted
  | PostPublicationTimedOut
  | PostUnpublished
  | PostDeleted
  | PostArchived
  | PostRestored;

export const POST_STREAM_TYPE = 'post';
export const postStreamId = (postId: string) => `post-${postId}`;

const TYPES: ReadonlySet<string> = new Set<PostEvent['type']>([
  'PostDrafted',
  'PostEdited',
  'PostPublicationRequested',
  'PostPublished',
  'PostPublicationReverted',
  'PostPublicationTimedOut',
  'PostUnpublished',
  'PostDeleted',
  'PostArchived',
  'PostRestored',
]);

/** Read models see the whole log; this picks the post's events out of it. */
export function isPostEvent<E extends { readonly type: string }>(event: E): event is E & PostEvent {
  return TYPES.has(event.type);
}
