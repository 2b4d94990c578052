import { AppError, assertUnlocked } from '@blog/domain';
import type { BlogCommand } from './blog.commands';
import { type BlogEvent, DELETION_PARTICIPANTS, type DeletionParticipant } from './blog.events';
import type { BlogDeletion, BlogState, ExistingBlog } from './blog.state';

function existing(state: BlogState): ExistingBlog {
  if (state.status === 'NONE') throw new AppError('not-found', 'BLOG.NOT_FOUND', 'No such blog');
  return state;
}

function assertOwner(blog: ExistingBlog, callerId: string, action: string): void {
  if (blog.ownerId !== callerId) {
    throw new AppError('forbidden', 'BLOG.NOT_OWNER', `Only the blog's owner may ${action} it`);
  }
}

function assertNotDeleted(blog: ExistingBlog): void {
  if (blog.status === 'DELETED') {
    throw new AppError('conflict', 'BLOG.DELETED', 'The blog has been deleted');
  }
}

/** The deletion this saga is running, or null when the answer is late or foreign. */
function pendingDeletion(state: BlogState, sagaId: string): BlogDeletion | null {
  if (state.status !== 'DELETING' || state.deletion?.sagaId !== sagaId) return null;
  return state.deletion;
}

const missingFrom = (confirmed: readonly DeletionParticipant[]) =>
  DELETION_PARTICIPANTS.filter((participant) => !confirmed.includes(participant));

/**
 * The blog's rules. Pure: refusals throw AppError (or LockedError while a deletion saga
 * holds the blog); answers that arrive for a saga the blog is no longer in change nothing.
 */
export function decideBlog(command: BlogCommand, state: BlogState): BlogEvent[] {
  switch (command.type) {
    case 'CreateBlog': {
      if (state.status !== 'NONE') {
        throw new AppError('conflict', 'BLOG.ALREADY_EXISTS', 'The blog already exists');
      }
      const { blogId, ownerId, title, slug, description } = command;
      return [{ type: 'BlogCreated', data: { blogId, ownerId, title, slug, description } }];
    }
    case 'UpdateBlog': {
      const blog = existing(state);
      assertOwner(blog, command.callerId, 'update');
      assertNotDeleted(blog);
      assertUnlocked(blog.lock, `blog ${blog.blogId}`, 'update it');
      const title = command.title ?? blog.title;
      const description = command.description ?? blog.description;
      if (title === blog.title && description === blog.description) return [];
      return [{ type: 'BlogUpdated', data: { title, description } }];
    }
    case 'RequestDeletion': {
      const blog = existing(state);
      const { requester } = command;
      if (requester.kind === 'owner') assertOwner(blog, requester.accountId, 'delete');
      assertNotDeleted(blog);
      assertUnlocked(blog.lock, `blog ${blog.blogId}`, 'delete it');
      const closureSagaId = requester.kind === 'account-closure' ? requester.closureSagaId : null;
      return [{ type: 'BlogDeletionRequested', data: { sagaId: command.sagaId, closureSagaId } }];
    }
    case 'ConfirmDeletion': {
      const deletion = pendingDeletion(state, command.sagaId);
      if (!deletion || deletion.confirmed.includes(command.participant)) return [];
      const { sagaId, participant } = command;
      const stillMissing = missingFrom([...deletion.confirmed, participant]);
      const confirmed: BlogEvent = { type: 'BlogDeletionConfirmed', data: { sagaId, participant } };
      return stillMissing.length > 0
        ? [confirmed]
        : [confirmed, { type: 'BlogDeleted', data: { sagaId } }];
    }
    case 'RefuseDeletion': {
      if (!pendingDeletion(state, command.sagaId)) return [];
      const { sagaId, participant, reason } = command;
      return [{ type: 'BlogDeletionCancelled', data: { sagaId, participant, reason } }];
    }
    case 'TimeOutDeletion': {
      const deletion = pendingDeletion(state, command.sagaId);
      if (!deletion) return [];
      const missing = missingFrom(deletion.confirmed);
      return [{ type: 'BlogDeletionTimedOut', data: { sagaId: command.sagaId, missing } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
