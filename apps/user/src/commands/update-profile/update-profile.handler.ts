import { AppError, type Cause, eventContextOf, PG_POOL } from '@blog/chassis';
import type { EventStore } from '@blog/eventstore';
import { inTransaction } from '@blog/sql';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { executeProfileCommand, PROFILE_STORE } from '../../infrastructure/profile-store';
import type { UpdateProfileRequest } from './update-profile.request.dto';

export interface ProfileEdit {
  readonly handle: string;
  readonly changes: UpdateProfileRequest;
  readonly actor: string;
  readonly expectedVersion?: number;
}

/** The owner edits display name and bio; a stale If-Match is a 409, never a lost update. */
@Injectable()
export class UpdateProfileHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PROFILE_STORE) private readonly store: EventStore,
  ) {}

  execute(edit: ProfileEdit, cause: Cause): Promise<void> {
    return inTransaction(this.pool, async (tx) => {
      const { rows } = await tx.query<{ account_id: string }>(
        `SELECT account_id FROM profiles WHERE lower(handle) = lower($1) AND status = 'ACTIVE'`,
        [edit.handle],
      );
      const accountId = rows[0]?.account_id;
      if (!accountId) throw new AppError('not-found', 'USER.NOT_FOUND', 'No such profile');
      await executeProfileCommand(
        tx,
        this.store,
        accountId,
        { type: 'UpdateProfile', actor: edit.actor, ...edit.changes },
        eventContextOf({ ...cause, actor: edit.actor }, null),
        edit.expectedVersion === undefined ? {} : { expectedVersion: edit.expectedVersion },
      );
    });
  }
}
