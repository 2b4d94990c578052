import type { AudienceEvent } from './audience.events';
import type { AudienceState } from './audience.state';
import { DELETE_BLOG_SAGA } from './subscribe.sagas';

const titleOf = (state: AudienceState) =>
  state.status === 'active' || state.status === 'deleting' ? state.title : null;

/** The audience after one more event. Pure. */
export function evolveAudience(state: AudienceState, event: AudienceEvent): AudienceState {
  switch (event.type) {
    case 'AudienceOpened':
      return { status: 'active', title: event.data.title };
    case 'AudienceClosed':
      return {
        status: 'deleting',
        title: titleOf(state),
        lock: { sagaId: event.data.sagaId, sagaType: DELETE_BLOG_SAGA },
        closed: event.data.closed,
      };
    case 'AudienceCloseRefused':
      return state;
    case 'AudienceRestored':
      return { status: 'active', title: titleOf(state) };
    case 'AudienceRetired':
      return { status: 'deleted' };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
