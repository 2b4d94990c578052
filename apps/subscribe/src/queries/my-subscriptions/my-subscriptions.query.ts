import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@blog/chassis';
import type { Pool } from 'pg';
import { cursorTimestamp, encodeCursor, type PageKey } from '../../infrastructure/cursor';

export interface SubscriptionItem {
  readonly blogId: string;
  readonly blogTitle: string | null;
  /** `closed` while a delete-blog saga holds the blog: no feed entries until restored. */
  readonly status: 'active' | 'closed';
  readonly subscribedAt: string;
}

export interface Page<Item> {
  readonly items: readonly Item[];
  readonly nextCursor: string | null;
}

/** The caller's subscriptions, newest first (keyset pagination on the page index). */
@Injectable()
export class MySubscriptionsQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(
    subscriberId: string,
    page: { limit: number; after: PageKey | null },
  ): Promise<Page<SubscriptionItem>> {
    const { rows } = await this.pool.query<{
      blog_id: string;
      title: string | null;
      closed_by_saga: string | null;
      subscribed_at: Date;
      cursor_at: string;
    }>(
      `SELECT s.blog_id, b.title, s.closed_by_saga, s.subscribed_at,
              ${cursorTimestamp('s.subscribed_at')} AS cursor_at
         FROM subscriptions s LEFT JOIN blogs b ON b.blog_id = s.blog_id
        WHERE s.subscriber_id = $1
          AND ($2::timestamptz IS NULL OR (s.subscribed_at, s.blog_id) < ($2::timestamptz, $3::uuid))
        ORDER BY s.subscribed_at DESC, s.blog_id DESC
        LIMIT $4`,
      [subscriberId, page.after?.at ?? null, page.after?.id ?? null, page.limit + 1],
    );
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => ({
        blogId: row.blog_id,
        blogTitle: row.title,
        status: row.closed_by_saga === null ? 'active' : 'closed',
        subscribedAt: row.subscribed_at.toISOString(),
      })),
      nextCursor:
        rows.length > page.limit && last
          ? encodeCursor({ at: last.cursor_at, id: last.blog_id })
          : null,
    };
  }
}
