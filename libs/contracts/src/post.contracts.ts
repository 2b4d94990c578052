import { z } from 'zod';
import { Id, Reason, Timestamp } from './ids';
import { EXAMPLE_IDS } from './examples';
import { defineMessage } from './message-contract';

/** post's post aggregate: topic `outbox.event.post`, key = post id (blog id for blog-level replies). */
const post = { aggregateType: 'post', publisher: 'post', schemaVersion: 1 } as const;
const { accountId, blogId, postId, otherPostId } = EXAMPLE_IDS;

export const PublishRequested = defineMessage({
  ...post,
  type: 'PublishRequested',
  schema: z.object({ postId: Id, blogId: Id, authorId: Id }),
  key: 'postId',
  example: { postId, blogId, authorId: accountId },
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
  key: 'postId',
  example: {
    postId,
    blogId,
    authorId: accountId,
    title: 'The analytical engine',
    slug: 'the-analytical-engine',
    publishedAt: '2026-11-23T09:30:00.000Z',
  },
});
/** Publish compensation: the post is DRAFT again with the blog's reason. */
export const PublicationReverted = defineMessage({
  ...post,
  type: 'PublicationReverted',
  schema: z.object({ postId: Id, blogId: Id, reason: Reason }),
  key: 'postId',
  example: { postId, blogId, reason: 'BLOG_DELETING' },
});
export const PublicationTimedOut = defineMessage({
  ...post,
  type: 'PublicationTimedOut',
  schema: z.object({ postId: Id, blogId: Id }),
  key: 'postId',
  example: { postId, blogId },
});
export const PostUnpublished = defineMessage({
  ...post,
  type: 'PostUnpublished',
  schema: z.object({ postId: Id, blogId: Id }),
  key: 'postId',
  example: { postId, blogId },
});
export const BlogPostsArchived = defineMessage({
  ...post,
  type: 'BlogPostsArchived',
  schema: z.object({ blogId: Id, postIds: z.array(Id) }),
  key: 'blogId',
  example: { blogId, postIds: [postId, otherPostId] },
});
export const BlogPostsArchiveRefused = defineMessage({
  ...post,
  type: 'BlogPostsArchiveRefused',
  schema: z.object({ blogId: Id, reason: Reason }),
  key: 'blogId',
  example: { blogId, reason: 'a post of the blog is being published' },
});
