import type { BlogStatus } from './blog.state';

/** Why the blog refuses a publication, as PublicationRejected's `reason` says it. */
export type PublicationRefusal =
  'BLOG_NOT_FOUND' | 'BLOG_DELETING' | 'BLOG_DELETED' | 'AUTHOR_NOT_OWNER';

/**
 * Saga 2, blog's step: a post may be published in an ACTIVE blog by the blog's owner.
 * A blog being deleted refuses, so a deletion always wins over a publication in flight.
 */
export function publicationRefusal(
  blog: { readonly ownerId: string; readonly status: BlogStatus } | null,
  authorId: string,
): PublicationRefusal | null {
  if (!blog) return 'BLOG_NOT_FOUND';
  if (blog.status === 'DELETING') return 'BLOG_DELETING';
  if (blog.status === 'DELETED') return 'BLOG_DELETED';
  if (blog.ownerId !== authorId) return 'AUTHOR_NOT_OWNER';
  return null;
}
