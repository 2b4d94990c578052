import { z } from 'zod';
import { Id, Reason } from './ids';
import { EXAMPLE_IDS } from './examples';
import { defineMessage } from './message-contract';

/** blog's blog aggregate: topic `outbox.event.blog`, key = blog id (account id for account-level replies). */
const blog = { aggregateType: 'blog', publisher: 'blog', schemaVersion: 1 } as const;
const { accountId, blogId, postId } = EXAMPLE_IDS;

export const BlogCreated = defineMessage({
  ...blog,
  type: 'BlogCreated',
  schema: z.object({
    blogId: Id,
    ownerId: Id,
    title: z.string().min(1).max(200),
    slug: z.string(),
  }),
  key: 'blogId',
  example: { blogId, ownerId: accountId, title: 'Notes on engines', slug: 'notes-on-engines' },
});
export const PublicationApproved = defineMessage({
  ...blog,
  type: 'PublicationApproved',
  schema: z.object({ postId: Id, blogId: Id }),
  key: 'blogId',
  example: { postId, blogId },
});
export const PublicationRejected = defineMessage({
  ...blog,
  type: 'PublicationRejected',
  schema: z.object({ postId: Id, blogId: Id, reason: Reason }),
  key: 'blogId',
  example: { postId, blogId, reason: 'AUTHOR_NOT_OWNER' },
});
export const BlogDeletionRequested = defineMessage({
  ...blog,
  type: 'BlogDeletionRequested',
  schema: z.object({ blogId: Id, ownerId: Id }),
  key: 'blogId',
  example: { blogId, ownerId: accountId },
});
export const BlogDeleted = defineMessage({
  ...blog,
  type: 'BlogDeleted',
  schema: z.object({ blogId: Id }),
  key: 'blogId',
  example: { blogId },
});
/** Delete-blog compensation: the blog is ACTIVE again; participants undo their part. */
export const BlogDeletionCancelled = defineMessage({
  ...blog,
  type: 'BlogDeletionCancelled',
  schema: z.object({ blogId: Id, reason: Reason }),
  key: 'blogId',
  example: { blogId, reason: 'post: the blog has a post being published' },
});
export const BlogDeletionTimedOut = defineMessage({
  ...blog,
  type: 'BlogDeletionTimedOut',
  schema: z.object({ blogId: Id, missing: z.array(z.string()) }),
  key: 'blogId',
  example: { blogId, missing: ['subscribe'] },
});
/** Close-account step: every blog of the account went through delete-blog. Key = account id. */
export const AccountBlogsDeleted = defineMessage({
  ...blog,
  type: 'AccountBlogsDeleted',
  schema: z.object({ accountId: Id, blogIds: z.array(Id) }),
  key: 'accountId',
  example: { accountId, blogIds: [blogId] },
});
