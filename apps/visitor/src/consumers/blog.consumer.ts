import { Injectable } from '@nestjs/common';
import type { ConsumerDefinition } from '@blog/chassis';
import { BlogMessages, on } from '@blog/contracts';
import { RetireBlogHandler } from '../commands/retire-blog/retire-blog.handler';
import { TrackBlogHandler } from '../commands/track-blog/track-blog.handler';

/** blog's events: which blogs have stats, and which are gone. */
@Injectable()
export class BlogConsumer {
  constructor(
    private readonly trackBlog: TrackBlogHandler,
    private readonly retireBlog: RetireBlogHandler,
  ) {}

  definition(): ConsumerDefinition {
    return {
      name: 'visitor.blog',
      topics: [BlogMessages.BlogCreated.topic],
      handlers: [
        on(BlogMessages.BlogCreated, (tx, message) => this.trackBlog.handle(tx, message)),
        on(BlogMessages.BlogDeleted, (tx, message) => this.retireBlog.handle(tx, message)),
      ],
    };
  }
}
