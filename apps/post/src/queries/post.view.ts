import type { PostStatus, PublicationOutcome } from '../domain/post.state';

/** A post as its author sees it; `lock` names the saga holding it, if any. */
export interface PostView {
  readonly id: string;
  readonly blogId: string;
  readonly authorId: string;
  readonly title: string;
  readonly slug: string;
  readonly body: string;
  readonly status: PostStatus;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly publishedAt: string | null;
  readonly publication: PublicationOutcome | null;
  readonly lock: { readonly sagaId: string; readonly sagaType: string } | null;
}

/** A list item: the body is left out (it may be 100 000 characters), an excerpt stands in. */
export type PostSummary = Omit<PostView, 'body'> & { readonly excerpt: string };

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
