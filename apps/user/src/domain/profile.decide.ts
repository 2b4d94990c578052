import { AppError } from '@blog/domain';
import type { ProfileCommand } from './profile.commands';
import type { ProfileEvent } from './profile.events';
import type { ProfileState } from './profile.state';

type Update = Extract<ProfileCommand, { type: 'UpdateProfile' }>;

function update(command: Update, state: ProfileState): ProfileEvent[] {
  if (state.status !== 'ACTIVE') {
    throw new AppError('not-found', 'USER.NOT_FOUND', 'No such profile');
  }
  if (command.actor !== state.accountId) {
    throw new AppError('forbidden', 'USER.NOT_OWNER', 'Only its owner may edit a profile');
  }
  const data: { displayName?: string; bio?: string | null } = {};
  if (command.displayName !== undefined && command.displayName !== state.displayName) {
    data.displayName = command.displayName;
  }
  if (command.bio !== undefined && command.bio !== state.bio) data.bio = command.bio;
  return Object.keys(data).length === 0 ? [] : [{ type: 'ProfileUpdated', data }];
}

/**
 * The profile's rules. Handle uniqueness is not here: it spans profiles, so the read
 * model's unique index decides it in the appending transaction.
 */
export function decideProfile(command: ProfileCommand, state: ProfileState): ProfileEvent[] {
  switch (command.type) {
    case 'CreateProfile': {
      if (state.status !== 'NONE') {
        throw new AppError('conflict', 'USER.PROFILE_EXISTS', 'The profile already exists');
      }
      const { type: _, ...data } = command;
      return [{ type: 'ProfileCreated', data }];
    }
    case 'UpdateProfile':
      return update(command, state);
    case 'ReleaseProfile':
      return state.status === 'ACTIVE' && state.signUpSagaId === command.sagaId
        ? [{ type: 'ProfileReleased', data: { sagaId: command.sagaId, reason: command.reason } }]
        : [];
    case 'AnonymiseProfile':
      return state.status === 'ACTIVE'
        ? [{ type: 'ProfileAnonymised', data: { sagaId: command.sagaId } }]
        : [];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
