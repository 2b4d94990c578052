import { AppError, PG_POOL } from '@blog/chassis';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { z } from 'zod';

export const profileView = z
  .object({
    accountId: z.uuid(),
    handle: z.string(),
    displayName: z.string(),
    bio: z.string().nullable(),
    version: z
      .number()
      .int()
      .describe('The profile’s version: send it back as If-Match to edit without lost updates'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({
    id: 'Profile',
    examples: [
      {
        accountId: '9b2e6c4a-1f0d-4c1e-8d7b-5a3e2f1c0b9a',
        handle: 'ann',
        displayName: 'Ann Example',
        bio: null,
        version: 1,
        createdAt: '2026-01-15T09:30:00.000Z',
        updatedAt: '2026-01-15T09:30:00.000Z',
      },
    ],
  });

export type ProfileView = z.output<typeof profileView>;

interface ProfileRow {
  account_id: string;
  handle: string;
  display_name: string;
  bio: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** Active profiles by handle, case-insensitively (the unique index serves the lookup). */
@Injectable()
export class ProfileByHandleQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async execute(handle: string): Promise<ProfileView> {
    const { rows } = await this.pool.query<ProfileRow>(
      `SELECT account_id, handle, display_name, bio, version, created_at, updated_at
         FROM profiles WHERE lower(handle) = lower($1) AND status = 'ACTIVE'`,
      [handle],
    );
    const row = rows[0];
    if (!row) throw new AppError('not-found', 'USER.NOT_FOUND', 'No such profile');
    return {
      accountId: row.account_id,
      handle: row.handle,
      displayName: row.display_name,
      bio: row.bio,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
