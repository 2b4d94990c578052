import { z } from 'zod';
import type { BlogStatus } from '../domain/blog.state';

/** A blog as clients see it; `deletion` names the saga while the blog is DELETING. */
export const blogView = z
  .object({
    id: z.uuid(),
    ownerId: z.uuid(),
    title: z.string(),
    slug: z.string(),
    description: z.string(),
    status: z.enum(['ACTIVE', 'DELETING', 'DELETED'] satisfies BlogStatus[]),
    version: z.number().int().describe('The stream version: 1 after creation'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    deletion: z.object({ sagaId: z.string() }).nullable(),
  })
  .meta({
    id: 'Blog',
    examples: [
      {
        id: '3f1c0d1e-8a44-4a8e-9a55-0c1b7f0e2a10',
        ownerId: '9b2e6c4a-1f0d-4c1e-8d7b-5a3e2f1c0b9a',
        title: 'Field notes',
        slug: 'field-notes',
        description: 'What I saw this week',
        status: 'ACTIVE',
        version: 1,
        createdAt: '2026-01-15T09:30:00.000Z',
        updatedAt: '2026-01-15T09:30:00.000Z',
        deletion: null,
      },
    ],
  });

export type BlogView = z.output<typeof blogView>;

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
