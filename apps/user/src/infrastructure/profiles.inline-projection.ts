import type { RecordedEvent } from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import type { ProfileEvent } from '../domain/profile.events';

const TYPES: ReadonlySet<string> = new Set<ProfileEvent['type']>([
  'ProfileCreated',
  'ProfileUpdated',
  'ProfileReleased',
  'ProfileAnonymised',
]);

function isProfileEvent(event: RecordedEvent): event is RecordedEvent<ProfileEvent> {
  return TYPES.has(event.type);
}

const accountIdOf = (streamId: string) => streamId.replace(/^profile-/, '');

/** The `profiles` read model, in the appending transaction (see the migration). */
export async function projectProfiles(
  tx: SqlClient,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const event of events.filter(isProfileEvent)) {
    const key = [accountIdOf(event.streamId), event.version, event.recordedAt];
    switch (event.type) {
      case 'ProfileCreated':
        await tx.query(
          `INSERT INTO profiles (account_id, version, created_at, updated_at, handle, display_name,
                                 status)
           VALUES ($1, $2, $3, $3, $4, $5, 'ACTIVE')`,
          [...key, event.data.handle, event.data.displayName],
        );
        break;
      case 'ProfileUpdated':
        await tx.query(
          `UPDATE profiles SET version = $2, updated_at = $3,
                  display_name = CASE WHEN $4::boolean THEN $5 ELSE display_name END,
                  bio = CASE WHEN $6::boolean THEN $7 ELSE bio END
            WHERE account_id = $1`,
          [
            ...key,
            event.data.displayName !== undefined,
            event.data.displayName ?? null,
            event.data.bio !== undefined,
            event.data.bio ?? null,
          ],
        );
        break;
      case 'ProfileReleased':
        await tx.query(
          `UPDATE profiles SET version = $2, updated_at = $3, status = 'RELEASED', handle = NULL
            WHERE account_id = $1`,
          key,
        );
        break;
      case 'ProfileAnonymised':
        await tx.query(
          `UPDATE profiles SET version = $2, updated_at = $3, status = 'ANONYMISED', handle = NULL,
                  display_name = NULL, bio = NULL
            WHERE account_id = $1`,
          key,
        );
        break;
      default: {
        const unknown: never = event;
        throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
      }
    }
  }
}
