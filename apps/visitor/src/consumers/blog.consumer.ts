import { InboxConsumer, type InboxContext, OnMessage } from '@blog/chassis';
import { BlogMessages, type PayloadOf } from '@blog/contracts';
import { Ctx, Payload } from '@nestjs/microservices';
import { RetireBlogHandler } from '../commands/retire-blog/retire-blog.handler';
import { TrackBlogHandler } from '../commands/track-blog/track-blog.handler';

type BlogCreated = PayloadOf<typeof BlogMessages.BlogCreated>;
type BlogDeleted = PayloadOf<typeof BlogMessages.BlogDeleted>;

/** blog's events: which blogs have stats, and which are gone. */
@InboxConsumer('visitor.blog')
export class BlogConsumer {
  constructor(
    private readonly trackBlog: TrackBlogHandler,
    private readonly retireBlog: RetireBlogHandler,
  ) {}

  @OnMessage(BlogMessages.BlogCreated)
  blogCreated(@Payload() _payload: BlogCreated, @Ctx() { tx, message }: InboxContext<BlogCreated>) {
    return this.trackBlog.handle(tx, message);
  }

  @OnMessage(BlogMessages.BlogDeleted)
  blogDeleted(@Payload() _payload: BlogDeleted, @Ctx() { tx, message }: InboxContext<BlogDeleted>) {
    return this.retireBlog.handle(tx, message);
  }
}
