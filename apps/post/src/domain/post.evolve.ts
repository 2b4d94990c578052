import type { PostEvent } from './post.events';
import { PUBLISH_POST_SAGA } from './post.sagas';
import type { PostState } from './post.state';

/** The post after one more event. Pure; facts are never refused here. */
export function evolvePost(state: PostState, event: PostEvent): PostState {
  if (event.type === 'PostDrafted') {
    return {
      status: 'DRAFT',
      ...event.data,
      lock: null,
      publishedAt: null,
      publication: null,
      archive: null,
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'PostEdited':
      return { ...state, ...event.data };
    case 'PostPublicationRequested': {
      const { sagaId } = event.data;
      return {
        ...state,
        status: 'PUBLISHING',
        lock: { sagaId, sagaType: PUBLISH_POST_SAGA },
        publication: { sagaId, status: 'PENDING', reason: null },
      };
    }
    case 'PostPublished':
      return {
        ...state,
        status: 'PUBLISHED',
        lock: null,
        publishedAt: event.data.publishedAt,
        publication: { sagaId: event.data.sagaId, status: 'PUBLISHED', reason: null },
      };
    case 'PostPublicationReverted':
      return {
        ...state,
        status: 'DRAFT',
        lock: null,
        publication: { sagaId: event.data.sagaId, status: 'REJECTED', reason: event.data.reason },
      };
    case 'PostPublicationTimedOut':
      return {
        ...state,
        status: 'DRAFT',
        lock: null,
        publication: { sagaId: event.data.sagaId, status: 'TIMED_OUT', reason: null },
      };
    case 'PostUnpublished':
      return { ...state, status: 'DRAFT' };
    case 'PostDeleted':
      return { ...state, status: 'DELETED', lock: null };
    case 'PostArchived':
      return { ...state, status: 'ARCHIVED', archive: event.data };
    case 'PostRestored':
      return { ...state, status: event.data.status, archive: null };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
