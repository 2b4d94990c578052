import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { BlogMessages, type PayloadOf } from '@blog/contracts';
import { Ctx, Payload } from '@nestjs/microservices';
import { ArchiveBlogPostsHandler } from '../commands/archive-blog-posts/archive-blog-posts.handler';
import { CompletePublicationHandler } from '../commands/complete-publication/complete-publication.handler';
import { LearnBlogHandler } from '../commands/learn-blog/learn-blog.handler';
import { RestoreBlogPostsHandler } from '../commands/restore-blog-posts/restore-blog-posts.handler';

type BlogCreated = PayloadOf<typeof BlogMessages.BlogCreated>;
type BlogDeletionRequested = PayloadOf<typeof BlogMessages.BlogDeletionRequested>;
type BlogDeleted = PayloadOf<typeof BlogMessages.BlogDeleted>;
/** A deletion that was cancelled or timed out: either way the blog's posts come back. */
type DeletionUndone = Pick<PayloadOf<typeof BlogMessages.BlogDeletionCancelled>, 'blogId'>;
type PublicationApproved = PayloadOf<typeof BlogMessages.PublicationApproved>;
type PublicationRejected = PayloadOf<typeof BlogMessages.PublicationRejected>;

/**
 * Everything blog says, on one channel (`outbox.event.blog`). One consumer on purpose: a
 * blog's lifecycle events and its answers to publications share the blog id as key, so
 * they arrive here in the order blog committed them.
 */
@InboxConsumer('post.blog-events')
export class BlogConsumer {
  constructor(
    private readonly learn: LearnBlogHandler,
    private readonly archive: ArchiveBlogPostsHandler,
    private readonly restore: RestoreBlogPostsHandler,
    private readonly publication: CompletePublicationHandler,
  ) {}

  @OnMessage(BlogMessages.BlogCreated)
  blogCreated(@Payload() payload: BlogCreated, @Ctx() { tx }: InboxContext<BlogCreated>) {
    return this.learn.created(tx, payload.blogId, payload.ownerId);
  }

  @OnMessage(BlogMessages.BlogDeletionRequested)
  deletionRequested(
    @Payload() payload: BlogDeletionRequested,
    @Ctx() { tx, message }: InboxContext<BlogDeletionRequested>,
  ) {
    return this.archive.execute(tx, payload, message.envelope);
  }

  @OnMessage(BlogMessages.BlogDeleted)
  blogDeleted(@Payload() payload: BlogDeleted, @Ctx() { tx }: InboxContext<BlogDeleted>) {
    return this.learn.deleted(tx, payload.blogId);
  }

  @OnMessage(BlogMessages.BlogDeletionCancelled)
  @OnMessage(BlogMessages.BlogDeletionTimedOut)
  deletionUndone(
    @Payload() payload: DeletionUndone,
    @Ctx() { tx, message }: InboxContext<DeletionUndone>,
  ) {
    return this.restore.execute(tx, payload.blogId, message.envelope);
  }

  @OnMessage(BlogMessages.PublicationApproved)
  publicationApproved(
    @Payload() payload: PublicationApproved,
    @Ctx() { tx, message }: InboxContext<PublicationApproved>,
  ) {
    return this.publication.execute(tx, payload, { kind: 'approved' }, message.envelope);
  }

  @OnMessage(BlogMessages.PublicationRejected)
  publicationRejected(
    @Payload() payload: PublicationRejected,
    @Ctx() { tx, message }: InboxContext<PublicationRejected>,
  ) {
    const outcome = { kind: 'rejected', reason: payload.reason } as const;
    return this.publication.execute(tx, payload, outcome, message.envelope);
  }
}
