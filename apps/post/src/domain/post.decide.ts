import { AppError, assertUnlocked, LockedError } from '@blog/domain';
import type { KnownBlog } from './known-blog';
import type { PostCommand } from './post.commands';
import type { PostEvent } from './post.events';
import { DELETE_BLOG_SAGA } from './post.sagas';
import type { ExistingPost, PostState } from './post.state';

function existing(state: PostState): ExistingPost {
  if (state.status === 'NONE' || state.status === 'DELETED') {
    throw new AppError('not-found', 'POST.NOT_FOUND', 'No such post');
  }
  return state;
}

/**
 * The checks every author command makes, in the order clients see them: the post exists,
 * the caller wrote it, no saga holds it (409 LOCKED naming the saga), it is not archived.
 */
function writable(state: PostState, callerId: string, action: string): ExistingPost {
  const post = existing(state);
  if (post.authorId !== callerId) {
    throw new AppError('forbidden', 'POST.NOT_AUTHOR', `Only the post's author may ${action} it`);
  }
  assertUnlocked(post.lock, `post ${post.postId}`, `${action} it`);
  if (post.status === 'ARCHIVED') {
    throw new AppError(
      'conflict',
      'POST.ARCHIVED',
      'The post is archived: its blog is being deleted',
      { sagaId: post.archive?.sagaId, sagaType: DELETE_BLOG_SAGA },
    );
  }
  return post;
}

/** A blog takes new posts and publications while ACTIVE; DELETING is the deletion's lock. */
function assertBlogOpen(blog: KnownBlog | null, blogId: string, action: string): KnownBlog {
  if (!blog || blog.status === 'DELETED') {
    throw new AppError('not-found', 'POST.BLOG_NOT_FOUND', 'No such blog');
  }
  if (blog.status === 'DELETING') {
    throw new LockedError(
      `blog ${blogId}`,
      { sagaId: blog.deletionSagaId ?? 'unknown', sagaType: DELETE_BLOG_SAGA },
      action,
    );
  }
  return blog;
}

/** The publication the saga `sagaId` is waiting on, or null for a late or foreign answer. */
const awaiting = (state: PostState, sagaId: string) =>
  state.status === 'PUBLISHING' && state.lock?.sagaId === sagaId ? state : null;

/**
 * The post's rules. Pure: refusals throw AppError (or LockedError while a saga holds the
 * post or its blog); saga answers the post no longer waits for change nothing.
 */
export function decidePost(command: PostCommand, state: PostState): PostEvent[] {
  switch (command.type) {
    case 'DraftPost': {
      if (state.status !== 'NONE') {
        throw new AppError('conflict', 'POST.ALREADY_EXISTS', 'The post already exists');
      }
      const { postId, authorId, title, slug, body } = command;
      const blogId = command.blog?.blogId ?? '';
      const blog = assertBlogOpen(command.blog, blogId, 'draft a post in it');
      if (blog.ownerId !== authorId) {
        throw new AppError(
          'forbidden',
          'POST.NOT_BLOG_OWNER',
          "Only the blog's owner may post in it",
        );
      }
      return [{ type: 'PostDrafted', data: { postId, blogId, authorId, title, slug, body } }];
    }
    case 'EditPost': {
      const post = writable(state, command.callerId, 'edit');
      const title = command.title ?? post.title;
      const body = command.body ?? post.body;
      // Once published, a post keeps its slug: links to it must keep working.
      const slug =
        command.title !== undefined && command.slug !== undefined && post.publishedAt === null
          ? command.slug
          : post.slug;
      if (title === post.title && body === post.body && slug === post.slug) return [];
      return [{ type: 'PostEdited', data: { title, slug, body } }];
    }
    case 'RequestPublication': {
      const post = writable(state, command.callerId, 'publish');
      if (post.status === 'PUBLISHED') {
        throw new AppError('conflict', 'POST.ALREADY_PUBLISHED', 'The post is already published');
      }
      assertBlogOpen(command.blog, post.blogId, 'publish a post in it');
      return [{ type: 'PostPublicationRequested', data: { sagaId: command.sagaId } }];
    }
    case 'CompletePublication': {
      if (!awaiting(state, command.sagaId)) return [];
      const { sagaId, publishedAt } = command;
      return [{ type: 'PostPublished', data: { sagaId, publishedAt } }];
    }
    case 'RevertPublication': {
      if (!awaiting(state, command.sagaId)) return [];
      const { sagaId, reason } = command;
      return [{ type: 'PostPublicationReverted', data: { sagaId, reason } }];
    }
    case 'TimeOutPublication':
      if (!awaiting(state, command.sagaId)) return [];
      return [{ type: 'PostPublicationTimedOut', data: { sagaId: command.sagaId } }];
    case 'UnpublishPost': {
      const post = writable(state, command.callerId, 'unpublish');
      if (post.status !== 'PUBLISHED') {
        throw new AppError('conflict', 'POST.NOT_PUBLISHED', 'The post is not published');
      }
      return [{ type: 'PostUnpublished', data: {} }];
    }
    case 'DeletePost':
      writable(state, command.callerId, 'delete');
      return [{ type: 'PostDeleted', data: {} }];
    case 'ArchivePost': {
      if (state.status === 'NONE' || state.status === 'DELETED' || state.status === 'ARCHIVED') {
        return [];
      }
      // post defers a blog's archive until its publications resolved; this is the guard.
      assertUnlocked(state.lock, `post ${state.postId}`, 'archive it');
      const previousStatus = state.status === 'PUBLISHED' ? 'PUBLISHED' : 'DRAFT';
      return [{ type: 'PostArchived', data: { sagaId: command.sagaId, previousStatus } }];
    }
    case 'RestorePost': {
      if (state.status !== 'ARCHIVED' || state.archive?.sagaId !== command.sagaId) return [];
      const status = state.archive.previousStatus;
      return [{ type: 'PostRestored', data: { sagaId: command.sagaId, status } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
