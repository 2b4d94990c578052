import { releasedBy } from '@blog/domain';
import type { AudienceCommand } from './audience.commands';
import type { AudienceEvent } from './audience.events';
import type { AudienceState } from './audience.state';

/**
 * A blog's audience rules. Closing always succeeds for the first deletion saga (there is
 * nothing subscriptions could object to); it is refused only when another deletion
 * saga already holds the blog, or the blog is already deleted.
 */
export function decideAudience(command: AudienceCommand, state: AudienceState): AudienceEvent[] {
  switch (command.type) {
    case 'OpenAudience': {
      if (state.status !== 'unknown') return [];
      const { blogId, ownerId, title } = command;
      return [{ type: 'AudienceOpened', data: { blogId, ownerId, title } }];
    }
    case 'CloseAudience': {
      const { blogId, sagaId } = command;
      if (state.status === 'unknown' || state.status === 'active') {
        return [
          { type: 'AudienceClosed', data: { blogId, sagaId, closed: command.openSubscriptions } },
        ];
      }
      if (state.status === 'deleting' && state.lock.sagaId === sagaId) return [];
      const reason =
        state.status === 'deleted'
          ? 'The blog is already deleted'
          : `The blog is already being deleted by saga ${state.lock.sagaId}`;
      return [{ type: 'AudienceCloseRefused', data: { blogId, sagaId, reason } }];
    }
    case 'RestoreAudience': {
      if (state.status !== 'deleting' || !releasedBy(state.lock, command.sagaId)) return [];
      const { blogId, sagaId, closedBySaga } = command;
      return [{ type: 'AudienceRestored', data: { blogId, sagaId, restored: closedBySaga } }];
    }
    case 'RetireAudience':
      return state.status === 'deleted'
        ? []
        : [{ type: 'AudienceRetired', data: { blogId: command.blogId } }];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
