import type { BlogStatus } from '../domain/blog.state';

/** A blog as clients see it; `deletion` names the saga while the blog is DELETING. */
export interface BlogView {
  readonly id: string;
  readonly ownerId: string;
  readonly title: string;
  readonly slug: string;
  readonly description: string;
  readonly status: BlogStatus;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly deletion: { readonly sagaId: string } | null;
}

export interface BlogRow {
  blog_id: string;
  seq: string;
  owner_id: string;
  title: string;
  slug: string;
  description: string;
  status: BlogStatus;
  deletion_saga_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const BLOG_COLUMNS = `blog_id, seq, owner_id, title, slug, description, status,
  deletion_saga_id, version, created_at, updated_at`;

export function blogViewOf(row: BlogRow): BlogView {
  return {
    id: row.blog_id,
    ownerId: row.owner_id,
    title: row.title,
    slug: row.slug,
    description: row.description,
    status: row.status,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deletion: row.deletion_saga_id ? { sagaId: row.deletion_saga_id } : null,
  };
}
