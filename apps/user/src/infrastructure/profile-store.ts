import {
  type CommandOptions,
  type CommandResult,
  type CommandRun,
  type EventContext,
  EventStore,
  handleCommand,
} from '@blog/eventstore';
import type { SqlClient } from '@blog/sql';
import type { ProfileCommand } from '../domain/profile.commands';
import { decideProfile } from '../domain/profile.decide';
import { PROFILE_STREAM_TYPE, type ProfileEvent, profileStreamId } from '../domain/profile.events';
import { evolveProfile } from '../domain/profile.evolve';
import { initialProfileState, type ProfileState } from '../domain/profile.state';
import { projectProfiles } from './profiles.inline-projection';

export const PROFILE_STORE = Symbol('PROFILE_STORE');

/** The actor of the events user appends when it reacts to another service's message. */
export const SYSTEM_ACTOR = 'system:saga';

export function createProfileStore(): EventStore {
  return new EventStore({ inlineProjections: [projectProfiles] });
}

const PROFILE_STREAM: CommandOptions<ProfileState, ProfileEvent> = {
  streamType: PROFILE_STREAM_TYPE,
  evolve: evolveProfile,
  initialState: initialProfileState,
};

export type ProfileCommandResult = CommandResult<ProfileState, ProfileEvent>;

/** handleCommand for one profile and one of its commands (`run.expectedVersion`: If-Match). */
export function executeProfileCommand(
  tx: SqlClient,
  store: EventStore,
  accountId: string,
  command: ProfileCommand,
  context: EventContext,
  run?: CommandRun<ProfileEvent>,
): Promise<ProfileCommandResult> {
  return handleCommand(
    tx,
    store,
    profileStreamId(accountId),
    PROFILE_STREAM,
    context,
    (state) => decideProfile(command, state),
    run,
  );
}
