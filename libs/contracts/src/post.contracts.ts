import { z } from 'zod';
import { Id, Reason, Timestamp } from './ids';
import { defineMessage } from './message-contract';

/** post's post aggregate: topic `outbox.event.post`, key = post id (blog id for blog-level replies). */
const post = { aggregateType: 'post', schemaVersion: 1 } as const;

export const PublishRequested = defineMessage({
  ...post,
  type: 'PublishRequested',
  schema: z.object({ postId: Id, blogId: Id, authorId: Id }),
});
export const PostPublished = defineMessage({
  ...post,
  type: 'PostPublished',
  schema: z.object({
    postId: Id,
    blogId: Id,
    authorId: Id,
    title: z.string().min(1).max(200),
    slug: z.string().min(1).max(220),
    publishedAt: Timestamp,
  }),
});
/** Publish compensation: the post is DRAFT again with the blog's reason. */
export const PublicationReverted = defineMessage({
  ...post,
  type: 'PublicationReverted',
  schema: z.object({ postId: Id, blogId: Id, reason: Reason }),
});
export const PublicationTimedOut = defineMessage({
  ...post,
  type: 'PublicationTimedOut',
  schema: z.object({ postId: Id, blogId: Id }),
});
export const PostUnpublished = defineMessage({
  ...post,
  type: 'PostUnpublished',
  schema: z.object({ postId: Id, blogId: Id }),
});
export const BlogPostsArchived = defineMessage({
  ...post,
  type: 'BlogPostsArchived',
  schema: z.object({ blogId: Id, postIds: z.array(Id) }),
});
export const BlogPostsArchiveRefused = defineMessage({
  ...post,
  type: 'BlogPostsArchiveRefused',
  schema: z.object({ blogId: Id, reason: Reason }),
});
