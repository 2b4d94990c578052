import type { Event } from '@blog/domain';

/** Who must confirm a blog deletion before the blog is DELETED (DESIGN.md saga 3). */
export const DELETION_PARTICIPANTS = ['post', 'subscribe'] as const;
export type DeletionParticipant = (typeof DELETION_PARTICIPANTS)[number];

export type BlogCreated = Event<
  'BlogCreated',
  {
    readonly blogId: string;
    readonly ownerId: string;
    readonly title: string;
    readonly slug: string;
    readonly description: string;
  }
>;
/** The blog's new title and description (the slug stays: links to the blog keep working). */
export type BlogUpdated = Event<
  'BlogUpdated',
  { readonly title: string; readonly description: string }
>;
/** Saga 3 starts: DELETING under the saga's lock; `closureSagaId` when an account closure asked. */
export type BlogDeletionRequested = Event<
  'BlogDeletionRequested',
  { readonly sagaId: string; readonly closureSagaId: string | null }
>;
export type BlogDeletionConfirmed = Event<
  'BlogDeletionConfirmed',
  { readonly sagaId: string; readonly participant: DeletionParticipant }
>;
export type BlogDeleted = Event<'BlogDeleted', { readonly sagaId: string }>;
/** Compensation: a participant refused; the blog is ACTIVE again. */
export type BlogDeletionCancelled = Event<
  'BlogDeletionCancelled',
  { readonly sagaId: string; readonly participant: DeletionParticipant; readonly reason: string }
>;
/** Compensation by the deadline: not every participant answered in time. */
export type BlogDeletionTimedOut = Event<
  'BlogDeletionTimedOut',
  { readonly sagaId: string; readonly missing: readonly DeletionParticipant[] }
>;

export type BlogEvent =
  | BlogCreated
  | BlogUpdated
  | BlogDeletionRequested
  | BlogDeletionConfirmed
  | BlogDeleted
  | BlogDeletionCancelled
  | BlogDeletionTimedOut;

export const BLOG_STREAM_TYPE = 'blog';
export const blogStreamId = (blogId: string) => `blog-${blogId}`;

const TYPES: ReadonlySet<string> = new Set<BlogEvent['type']>([
  'BlogCreated',
  'BlogUpdated',
  'BlogDeletionRequested',
  'BlogDeletionConfirmed',
  'BlogDeleted',
  'BlogDeletionCancelled',
  'BlogDeletionTimedOut',
]);

/** Read models see the whole log; this picks the blog's events out of it. */
export function isBlogEvent<E extends { readonly type: string }>(event: E): event is E & BlogEvent {
  return TYPES.has(event.type);
}
