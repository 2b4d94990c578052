import type { ConsumerDefinition } from '@blog/chassis';
import { BlogMessages, on } from '@blog/contracts';
import { Injectable } from '@nestjs/common';
import { ArchiveBlogPostsHandler } from '../commands/archive-blog-posts/archive-blog-posts.handler';
import { CompletePublicationHandler } from '../commands/complete-publication/complete-publication.handler';
import { LearnBlogHandler } from '../commands/learn-blog/learn-blog.handler';
import { RestoreBlogPostsHandler } from '../commands/restore-blog-posts/restore-blog-posts.handler';

/**
 * Everything blog says, on one channel (`post.blog-events` on `outbox.event.blog`). One
 * consumer on purpose: a blog's lifecycle events and its answers to publications share the
 * blog id as key, so they arrive here in the order blog committed them.
 */
@Injectable()
export class BlogConsumer {
  constructor(
    private readonly learn: LearnBlogHandler,
    private readonly archive: ArchiveBlogPostsHandler,
    private readonly restore: RestoreBlogPostsHandler,
    private readonly publication: CompletePublicationHandler,
  ) {}

  definition(): ConsumerDefinition {
    return {
      name: 'post.blog-events',
      topics: [BlogMessages.BlogCreated.topic],
      handlers: [
        on(BlogMessages.BlogCreated, (tx, { payload }) =>
          this.learn.created(tx, payload.blogId, payload.ownerId),
        ),
        on(BlogMessages.BlogDeletionRequested, (tx, { payload, envelope }) =>
          this.archive.execute(tx, payload, envelope),
        ),
        on(BlogMessages.BlogDeleted, (tx, { payload }) => this.learn.deleted(tx, payload.blogId)),
        on(BlogMessages.BlogDeletionCancelled, (tx, { payload, envelope }) =>
          this.restore.execute(tx, payload.blogId, envelope),
        ),
        on(BlogMessages.BlogDeletionTimedOut, (tx, { payload, envelope }) =>
          this.restore.execute(tx, payload.blogId, envelope),
        ),
        on(BlogMessages.PublicationApproved, (tx, { payload, envelope }) =>
          this.publication.execute(tx, payload, { kind: 'approved' }, envelope),
        ),
        on(BlogMessages.PublicationRejected, (tx, { payload, envelope }) =>
          this.publication.execute(
            tx,
            payload,
            { kind: 'rejected', reason: payload.reason },
            envelope,
          ),
        ),
      ],
    };
  }
}
