import {
  aggregateStream,
  type EventContext,
  EventStore,
  type ExpectedVersion,
  loadAggregate,
  type RecordedEvent,
} from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import type { ProfileCommand } from '../domain/profile.commands';
import { decideProfile } from '../domain/profile.decide';
import { PROFILE_STREAM_TYPE, type ProfileEvent, profileStreamId } from '../domain/profile.events';
import { evolveProfile } from '../domain/profile.evolve';
import { initialProfileState, type ProfileState } from '../domain/profile.state';
import { asAppError } from './app-errors';
import { projectProfiles } from './profiles.inline-projection';

export const PROFILE_STORE = Symbol('PROFILE_STORE');

/** The actor of the events user appends when it reacts to another service's message. */
export const SYSTEM_ACTOR = 'system:saga';

export function createProfileStore(): EventStore {
  return new EventStore({ inlineProjections: [projectProfiles] });
}

export interface ProfileCommandResult {
  readonly state: ProfileState;
  readonly version: number;
  readonly events: readonly RecordedEvent<ProfileEvent>[];
}

/**
 * Load → decide → append for one profile in the caller's transaction. `expectedVersion`
 * lets a client that read version n refuse to overwrite n+1 (If-Match); without it the
 * loaded version guards against concurrent writers only.
 */
export async function executeProfileCommand(
  tx: SqlClient,
  store: EventStore,
  accountId: string,
  command: ProfileCommand,
  context: EventContext,
  expectedVersion?: number,
): Promise<ProfileCommandResult> {
  const streamId = profileStreamId(accountId);
  const loaded = await loadAggregate<ProfileState, ProfileEvent>(tx, store, streamId, {
    evolve: evolveProfile,
    initialState: initialProfileState,
  });
  let decided: ProfileEvent[];
  try {
    decided = decideProfile(command, loaded.state);
  } catch (error) {
    throw asAppError(error);
  }
  const expected: ExpectedVersion = expectedVersion ?? loaded.version;
  const appended = await store.append(
    tx,
    streamId,
    PROFILE_STREAM_TYPE,
    decided,
    expected,
    context,
  );
  return {
    state: aggregateStream(appended.events, evolveProfile, () => loaded.state),
    version: appended.nextExpectedVersion,
    events: appended.events,
  };
}
