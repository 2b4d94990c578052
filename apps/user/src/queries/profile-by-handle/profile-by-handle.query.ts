import { AppError, PG_POOL } from '@blog/chassis';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';

export interface ProfileView {
  readonly accountId: string;
  readonly handle: string;
  readonly displayName: string;
  readonly bio: string | null;
  /** The aggregate's version: send it back as If-Match to edit without lost updates. */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

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
