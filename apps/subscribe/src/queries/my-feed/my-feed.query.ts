import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@blog/chassis';
import type { Pool } from 'pg';
import { cursorTimestamp, encodeCursor, type PageKey } from '../../infrastructure/cursor';
import type { Page } from '../my-subscriptions/my-subscriptions.query';

export interface FeedItem {
  readonly postId: string;
  readonly blogId: string;
  readonly blogTitle: string | null;
  readonly authorId: string;
  readonly title: string;
  readonly slug: string;
  readonly publishedAt: string;
}

/** The caller's feed, newest publication first. */
@Injectable()
export class MyFeedQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(
    subscriberId: string,
    page: { limit: number; after: PageKey | null },
  ): Promise<Page<FeedItem>> {
    const { rows } = await this.pool.query<{
      post_id: string;
      blog_id: string;
      blog_title: string | null;
      author_id: string;
      title: string;
      slug: string;
      published_at: Date;
      cursor_at: string;
    }>(
      `SELECT f.post_id, f.blog_id, b.title AS blog_title, f.author_id, f.title, f.slug,
              f.published_at, ${cursorTimestamp('f.published_at')} AS cursor_at
         FROM feed_entries f LEFT JOIN blogs b ON b.blog_id = f.blog_id
        WHERE f.subscriber_id = $1
          AND ($2::timestamptz IS NULL OR (f.published_at, f.post_id) < ($2::timestamptz, $3::uuid))
        ORDER BY f.published_at DESC, f.post_id DESC
        LIMIT $4`,
      [subscriberId, page.after?.at ?? null, page.after?.id ?? null, page.limit + 1],
    );
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => ({
        postId: row.post_id,
        blogId: row.blog_id,
        blogTitle: row.blog_title,
        authorId: row.author_id,
        title: row.title,
        slug: row.slug,
        publishedAt: row.published_at.toISOString(),
      })),
      nextCursor:
        rows.length > page.limit && last
          ? encodeCursor({ at: last.cursor_at, id: last.post_id })
          : null,
    };
  }
}
