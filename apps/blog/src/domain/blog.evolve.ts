import type { BlogEvent } from './blog.events';
import { DELETE_BLOG_SAGA } from './blog.sagas';
import type { BlogState } from './blog.state';

/** The blog after one more event. Pure; facts are never refused here. */
export function evolveBlog(state: BlogState, event: BlogEvent): BlogState {
  if (event.type === 'BlogCreated') {
    return { status: 'ACTIVE', ...event.data, lock: null, deletion: null };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'BlogUpdated':
      return { ...state, ...event.data };
    case 'BlogDeletionRequested':
      return {
        ...state,
        status: 'DELETING',
        lock: { sagaId: event.data.sagaId, sagaType: DELETE_BLOG_SAGA },
        deletion: {
          sagaId: event.data.sagaId,
          closureSagaId: event.data.closureSagaId,
          confirmed: [],
        },
      };
    case 'BlogDeletionConfirmed':
      return state.deletion
        ? {
            ...state,
            deletion: {
              ...state.deletion,
              confirmed: [...state.deletion.confirmed, event.data.participant],
            },
          }
        : state;
    case 'BlogDeleted':
      return { ...state, status: 'DELETED', lock: null };
    case 'BlogDeletionCancelled':
    case 'BlogDeletionTimedOut':
      return { ...state, status: 'ACTIVE', lock: null, deletion: null };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
