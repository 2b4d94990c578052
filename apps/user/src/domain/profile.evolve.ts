import type { ProfileEvent } from './profile.events';
import type { ProfileState } from './profile.state';

/** The profile after one more event. Pure; facts are never refused here. */
export function evolveProfile(state: ProfileState, event: ProfileEvent): ProfileState {
  switch (event.type) {
    case 'ProfileCreated':
      return {
        status: 'ACTIVE',
        accountId: event.data.accountId,
        handle: event.data.handle,
        displayName: event.data.displayName,
        bio: null,
        signUpSagaId: event.data.sagaId,
      };
    case 'ProfileUpdated':
      if (state.status === 'NONE') return state;
      return {
        ...state,
        displayName: event.data.displayName ?? state.displayName,
        bio: event.data.bio === undefined ? state.bio : event.data.bio,
      };
    case 'ProfileReleased':
      return state.status === 'NONE' ? state : { ...state, status: 'RELEASED', handle: null };
    case 'ProfileAnonymised':
      return state.status === 'NONE'
        ? state
        : { ...state, status: 'ANONYMISED', handle: null, displayName: null, bio: null };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
