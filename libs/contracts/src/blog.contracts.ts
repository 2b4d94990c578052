import { z } from 'zod';
import { Id, Reason } from './ids';
import { defineMessage } from './message-contract';

/** blog's blog aggregate: topic `outbox.event.blog`, key = blog id (account id for account-level replies). */
const blog = { aggregateType: 'blog', schemaVersion: 1 } as const;

export const BlogCreated = defineMessage({
  ...blog,
  type: 'BlogCreated',
  schema: z.object({
    blogId: Id,
    ownerId: Id,
    title: z.string().min(1).max(200),
    slug: z.string(),
  }),
});
export const PublicationApproved = defineMessage({
  ...blog,
  type: 'PublicationApproved',
  schema: z.object({ postId: Id, blogId: Id }),
});
export const PublicationRejected = defineMessage({
  ...blog,
  type: 'PublicationRejected',
  schema: z.object({ postId: Id, blogId: Id, reason: Reason }),
});
export const BlogDeletionRequested = defineMessage({
  ...blog,
  type: 'BlogDeletionRequested',
  schema: z.object({ blogId: Id, ownerId: Id }),
});
export const BlogDeleted = defineMessage({
  ...blog,
  type: 'BlogDeleted',
  schema: z.object({ blogId: Id }),
});
/** Delete-blog compensation: the blog is ACTIVE again; participants undo their part. */
export const BlogDeletionCancelled = defineMessage({
  ...blog,
  type: 'BlogDeletionCancelled',
  schema: z.object({ blogId: Id, reason: Reason }),
});
export const BlogDeletionTimedOut = defineMessage({
  ...blog,
  type: 'BlogDeletionTimedOut',
  schema: z.object({ blogId: Id, missing: z.array(z.string()) }),
});
/** Close-account step: every blog of the account went through delete-blog. Key = account id. */
export const AccountBlogsDeleted = defineMessage({
  ...blog,
  type: 'AccountBlogsDeleted',
  schema: z.object({ accountId: Id, blogIds: z.array(Id) }),
});
