import { deciderSpec } from '@blog/testing/decider-spec';
import type { KnownBlog } from './known-blog';
import type { PostCommand } from './post.commands';
import { decidePost } from './post.decide';
import type { PostEvent } from './post.events';
import { evolvePost } from './post.evolve';
import { initialPostState } from './post.state';

const given = deciderSpec({
  decide: decidePost,
  evolve: evolvePost,
  initialState: initialPostState,
});

const postId = '00000000-0000-4000-8000-0000000000c1';
const blogId = '00000000-0000-4000-8000-00000000000b';
const author = '00000000-0000-4000-8000-0000000000a1';
const stranger = '00000000-0000-4000-8000-0000000000a2';
const blog: KnownBlog = { blogId, ownerId: author, status: 'ACTIVE', deletionSagaId: null };
const deletingBlog: KnownBlog = { ...blog, status: 'DELETING', deletionSagaId: 'delete-1' };

const drafted: PostEvent = {
  type: 'PostDrafted',
  data: { postId, blogId, authorId: author, title: 'Hello', slug: 'hello', body: 'first' },
};
const requested = (sagaId = 'publish-1'): PostEvent => ({
  type: 'PostPublicationRequested',
  data: { sagaId },
});
const published: PostEvent = {
  type: 'PostPublished',
  data: { sagaId: 'publish-1', publishedAt: '2026-01-01T00:00:00.000Z' },
};
const publishing = () => given(drafted, requested());
const publishLock = { lock: { sagaId: 'publish-1', sagaType: 'publish-post' } };

describe('post decide/evolve', () => {
  describe('draft', () => {
    const draft = (overrides: Partial<Extract<PostCommand, { type: 'DraftPost' }>> = {}) =>
      ({
        type: 'DraftPost',
        postId,
        authorId: author,
        blog,
        title: 'Hello',
        slug: 'hello',
        body: 'first',
        ...overrides,
      }) as const;

    it('drafts a post in the author’s own ACTIVE blog', () => {
      given().when(draft()).then(drafted);
    });

    it('refuses a blog post does not know, or another owner’s blog', () => {
      given()
        .when(draft({ blog: null }))
        .thenRefuses('POST.BLOG_NOT_FOUND');
      given()
        .when(draft({ blog: { ...blog, status: 'DELETED' } }))
        .thenRefuses('POST.BLOG_NOT_FOUND');
      given()
        .when(draft({ authorId: stranger }))
        .thenRefuses('POST.NOT_BLOG_OWNER');
    });

    it('refuses a DELETING blog with the deletion saga’s lock', () => {
      given()
        .when(draft({ blog: deletingBlog }))
        .thenRefuses('LOCKED', { lock: { sagaId: 'delete-1', sagaType: 'delete-blog' } });
    });
  });

  describe('edit', () => {
    it('edits title, slug and body for the author', () => {
      given(drafted)
        .when({ type: 'EditPost', callerId: author, title: 'Hi', slug: 'hi' })
        .then({ type: 'PostEdited', data: { title: 'Hi', slug: 'hi', body: 'first' } });
    });

    it('keeps the slug of a post that has been published', () => {
      given(drafted, requested(), published)
        .when({ type: 'EditPost', callerId: author, title: 'Hi', slug: 'hi' })
        .then({ type: 'PostEdited', data: { title: 'Hi', slug: 'hello', body: 'first' } });
    });

    it('refuses another user, a missing and a deleted post', () => {
      given(drafted)
        .when({ type: 'EditPost', callerId: stranger, body: 'mine' })
        .thenRefuses('POST.NOT_AUTHOR');
      given().when({ type: 'EditPost', callerId: author, body: 'x' }).thenRefuses('POST.NOT_FOUND');
      given(drafted, { type: 'PostDeleted', data: {} })
        .when({ type: 'EditPost', callerId: author, body: 'x' })
        .thenRefuses('POST.NOT_FOUND');
    });
  });

  describe('publish-post saga and its lock', () => {
    it('goes PUBLISHING under the saga’s lock', () => {
      given(drafted)
        .when({ type: 'RequestPublication', callerId: author, sagaId: 'publish-1', blog })
        .then(requested());
      expect(publishing().state).toMatchObject({
        status: 'PUBLISHING',
        ...publishLock,
        publication: { sagaId: 'publish-1', status: 'PENDING' },
      });
    });

    it('refuses edit, delete, unpublish and a second publish while PUBLISHING, naming the saga', () => {
      const locked = publishing();
      locked
        .when({ type: 'EditPost', callerId: author, body: 'x' })
        .thenRefuses('LOCKED', publishLock);
      locked.when({ type: 'DeletePost', callerId: author }).thenRefuses('LOCKED', publishLock);
      locked.when({ type: 'UnpublishPost', callerId: author }).thenRefuses('LOCKED', publishLock);
      locked
        .when({ type: 'RequestPublication', callerId: author, sagaId: 'publish-2', blog })
        .thenRefuses('LOCKED', publishLock);
    });

    it('refuses to publish in a DELETING blog, or twice', () => {
      given(drafted)
        .when({ type: 'RequestPublication', callerId: author, sagaId: 'p', blog: deletingBlog })
        .thenRefuses('LOCKED', { lock: { sagaId: 'delete-1', sagaType: 'delete-blog' } });
      given(drafted, requested(), published)
        .when({ type: 'RequestPublication', callerId: author, sagaId: 'p', blog })
        .thenRefuses('POST.ALREADY_PUBLISHED');
      given(drafted)
        .when({ type: 'RequestPublication', callerId: stranger, sagaId: 'p', blog })
        .thenRefuses('POST.NOT_AUTHOR');
    });

    it('is PUBLISHED on approval, and the lock is gone', () => {
      publishing()
        .when({
          type: 'CompletePublication',
          sagaId: 'publish-1',
          publishedAt: '2026-01-01T00:00:00.000Z',
        })
        .then(published);
      expect(given(drafted, requested(), published).state).toMatchObject({
        status: 'PUBLISHED',
        lock: null,
        publishedAt: '2026-01-01T00:00:00.000Z',
      });
    });

    it('is DRAFT again with the reason on rejection', () => {
      const reverted: PostEvent = {
        type: 'PostPublicationReverted',
        data: { sagaId: 'publish-1', reason: 'BLOG_DELETING' },
      };
      publishing()
        .when({ type: 'RevertPublication', sagaId: 'publish-1', reason: 'BLOG_DELETING' })
        .then(reverted);
      expect(given(drafted, requested(), reverted).state).toMatchObject({
        status: 'DRAFT',
        lock: null,
        publication: { status: 'REJECTED', reason: 'BLOG_DELETING' },
      });
    });

    it('is DRAFT again when the deadline passes, and a late approval changes nothing', () => {
      const timedOut: PostEvent = {
        type: 'PostPublicationTimedOut',
        data: { sagaId: 'publish-1' },
      };
      publishing().when({ type: 'TimeOutPublication', sagaId: 'publish-1' }).then(timedOut);
      const afterTimeout = given(drafted, requested(), timedOut);
      expect(afterTimeout.state).toMatchObject({ status: 'DRAFT', lock: null });
      afterTimeout
        .when({ type: 'CompletePublication', sagaId: 'publish-1', publishedAt: 'late' })
        .then();
      // ... also when the post is publishing again under a new saga.
      given(drafted, requested(), timedOut, requested('publish-2'))
        .when({ type: 'CompletePublication', sagaId: 'publish-1', publishedAt: 'late' })
        .then();
    });

    it('unpublishes a published post only', () => {
      given(drafted, requested(), published)
        .when({ type: 'UnpublishPost', callerId: author })
        .then({ type: 'PostUnpublished', data: {} });
      given(drafted)
        .when({ type: 'UnpublishPost', callerId: author })
        .thenRefuses('POST.NOT_PUBLISHED');
    });
  });

  describe('delete-blog saga', () => {
    const archived: PostEvent = {
      type: 'PostArchived',
      data: { sagaId: 'delete-1', previousStatus: 'PUBLISHED' },
    };

    it('archives a post, remembering what it was, and restores it for the same saga only', () => {
      given(drafted, requested(), published)
        .when({ type: 'ArchivePost', sagaId: 'delete-1' })
        .then(archived);
      const isArchived = given(drafted, requested(), published, archived);
      isArchived.when({ type: 'RestorePost', sagaId: 'delete-2' }).then();
      isArchived
        .when({ type: 'RestorePost', sagaId: 'delete-1' })
        .then({ type: 'PostRestored', data: { sagaId: 'delete-1', status: 'PUBLISHED' } });
    });

    it('refuses author commands on an archived post', () => {
      given(drafted, {
        type: 'PostArchived',
        data: { sagaId: 'delete-1', previousStatus: 'DRAFT' },
      })
        .when({ type: 'EditPost', callerId: author, body: 'x' })
        .thenRefuses('POST.ARCHIVED');
    });

    it('never archives a post mid-publication', () => {
      publishing().when({ type: 'ArchivePost', sagaId: 'delete-1' }).thenRefuses('LOCKED');
    });
  });
});
