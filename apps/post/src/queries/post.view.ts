import { z } from 'zod';
import type { PostStatus, PublicationOutcome } from '../domain/post.state';

const postFields = {
  id: z.uuid(),
  blogId: z.uuid(),
  authorId: z.uuid(),
  title: z.string(),
  slug: z.string(),
  status: z.enum([
    'DRAFT',
    'PUBLISHING',
    'PUBLISHED',
    'ARCHIVED',
    'DELETED',
  ] as const satisfies readonly PostStatus[]),
  version: z.number().int().describe('The stream version; the ETag carries it'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
  publication: z
    .object({
      sagaId: z.string(),
      status: z.enum([
        'PENDING',
        'PUBLISHED',
        'REJECTED',
        'TIMED_OUT',
      ] as const satisfies readonly PublicationOutcome['status'][]),
      reason: z.string().nullable(),
    })
    .nullable()
    .describe('The last publication saga’s outcome'),
  lock: z
    .object({ sagaId: z.string(), sagaType: z.string() })
    .nullable()
    .describe('The saga holding the post, if any'),
};

/** A post as its author sees it; `lock` names the saga holding it, if any. */
export const postView = z.object({ ...postFields, body: z.string() }).meta({ id: 'Post' });

export type PostView = z.output<typeof postView>;

/** A list item: the body is left out (it may be 100 000 characters), an excerpt stands in. */
export const postSummary = z
  .object({ ...postFields, excerpt: z.string().describe('The body’s first 280 characters') })
  .meta({ id: 'PostSummary' });

export type PostSummary = z.output<typeof postSummary>;

export interface PostRow {
  post_id: string;
  seq: string;
  blog_id: string;
  author_id: string;
  title: string;
  slug: string;
  body: string;
  status: PostStatus;
  lock_saga_id: string | null;
  lock_saga_type: string | null;
  publication_saga_id: string | null;
  publication_status: PublicationOutcome['status'] | null;
  publication_reason: string | null;
  published_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COMMON = `post_id, seq, blog_id, author_id, title, slug, status, lock_saga_id, lock_saga_type,
  publication_saga_id, publication_status, publication_reason, published_at, version,
  created_at, updated_at`;
export const POST_COLUMNS = `${COMMON}, body`;
export const EXCERPT_LENGTH = 280;
export const POST_SUMMARY_COLUMNS = `${COMMON}, left(body, ${EXCERPT_LENGTH}) AS body`;

export function postViewOf(row: PostRow): PostView {
  return {
    id: row.post_id,
    blogId: row.blog_id,
    authorId: row.author_id,
    title: row.title,
    slug: row.slug,
    body: row.body,
    status: row.status,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    publication:
      row.publication_saga_id && row.publication_status
        ? {
            sagaId: row.publication_saga_id,
            status: row.publication_status,
            reason: row.publication_reason,
          }
        : null,
    lock:
      row.lock_saga_id && row.lock_saga_type
        ? { sagaId: row.lock_saga_id, sagaType: row.lock_saga_type }
        : null,
  };
}

export function postSummaryOf(row: PostRow): PostSummary {
  const { body, ...rest } = postViewOf(row);
  return { ...rest, excerpt: body };
}

/** Strong ETag of a post: its stream version, as If-Match sends it back. */
export const etagOf = (post: Pick<PostView, 'version'>) => `"${post.version}"`;
