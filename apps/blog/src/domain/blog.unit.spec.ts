import { deciderSpec } from '@blog/testing/decider-spec';
import type { BlogCommand } from './blog.commands';
import { decideBlog } from './blog.decide';
import type { BlogEvent } from './blog.events';
import { evolveBlog } from './blog.evolve';
import { initialBlogState } from './blog.state';

const given = deciderSpec({
  decide: decideBlog,
  evolve: evolveBlog,
  initialState: initialBlogState,
});

const blogId = '00000000-0000-4000-8000-00000000000b';
const owner = '00000000-0000-4000-8000-0000000000a1';
const stranger = '00000000-0000-4000-8000-0000000000a2';
const created: BlogEvent = {
  type: 'BlogCreated',
  data: { blogId, ownerId: owner, title: 'Notes', slug: 'notes', description: '' },
};
const deletionRequested = (sagaId = 'saga-1'): BlogEvent => ({
  type: 'BlogDeletionRequested',
  data: { sagaId, closureSagaId: null },
});
const confirmed = (participant: 'post' | 'subscribe', sagaId = 'saga-1'): BlogEvent => ({
  type: 'BlogDeletionConfirmed',
  data: { sagaId, participant },
});

describe('blog decide/evolve', () => {
  describe('create and update', () => {
    it('creates a blog owned by the caller', () => {
      given()
        .when({
          type: 'CreateBlog',
          blogId,
          ownerId: owner,
          title: 'Notes',
          slug: 'notes',
          description: '',
        })
        .then(created);
    });

    it('refuses to create the same blog twice', () => {
      given(created)
        .when({
          type: 'CreateBlog',
          blogId,
          ownerId: owner,
          title: 'x',
          slug: 'x',
          description: '',
        })
        .thenRefuses('BLOG.ALREADY_EXISTS');
    });

    it('updates title and description for the owner only', () => {
      given(created)
        .when({ type: 'UpdateBlog', callerId: owner, description: 'about things' })
        .then({ type: 'BlogUpdated', data: { title: 'Notes', description: 'about things' } });
      given(created)
        .when({ type: 'UpdateBlog', callerId: stranger, title: 'mine now' })
        .thenRefuses('BLOG.NOT_OWNER');
    });

    it('records nothing when an update changes nothing', () => {
      given(created).when({ type: 'UpdateBlog', callerId: owner, title: 'Notes' }).then();
    });

    it('refuses updates of a missing blog', () => {
      given()
        .when({ type: 'UpdateBlog', callerId: owner, title: 'x' })
        .thenRefuses('BLOG.NOT_FOUND');
    });
  });

  describe('delete-blog saga', () => {
    it('puts the blog DELETING under the saga’s lock', () => {
      const requester = { kind: 'owner', accountId: owner } as const;
      given(created)
        .when({ type: 'RequestDeletion', sagaId: 'saga-1', requester })
        .then(deletionRequested());
      expect(given(created, deletionRequested()).state).toMatchObject({
        status: 'DELETING',
        lock: { sagaId: 'saga-1', sagaType: 'delete-blog' },
      });
    });

    it('lets only the owner (or the owner’s account closure) delete', () => {
      given(created)
        .when({
          type: 'RequestDeletion',
          sagaId: 's',
          requester: { kind: 'owner', accountId: stranger },
        })
        .thenRefuses('BLOG.NOT_OWNER');
      given(created)
        .when({
          type: 'RequestDeletion',
          sagaId: 'child',
          requester: { kind: 'account-closure', closureSagaId: 'closure' },
        })
        .then({
          type: 'BlogDeletionRequested',
          data: { sagaId: 'child', closureSagaId: 'closure' },
        });
    });

    it('refuses updates and a second deletion while DELETING, naming the saga', () => {
      const deleting = given(created, deletionRequested());
      deleting.when({ type: 'UpdateBlog', callerId: owner, title: 'late' }).thenRefuses('LOCKED');
      expect(() =>
        decideBlog({ type: 'UpdateBlog', callerId: owner, title: 'late' }, deleting.state),
      ).toThrow(expect.objectContaining({ lock: { sagaId: 'saga-1', sagaType: 'delete-blog' } }));
      deleting
        .when({
          type: 'RequestDeletion',
          sagaId: 'saga-2',
          requester: { kind: 'owner', accountId: owner },
        })
        .thenRefuses('LOCKED');
    });

    it('is DELETED once post and subscribe have both confirmed', () => {
      given(created, deletionRequested())
        .when({ type: 'ConfirmDeletion', sagaId: 'saga-1', participant: 'post' })
        .then(confirmed('post'));
      given(created, deletionRequested(), confirmed('post'))
        .when({ type: 'ConfirmDeletion', sagaId: 'saga-1', participant: 'subscribe' })
        .then(confirmed('subscribe'), { type: 'BlogDeleted', data: { sagaId: 'saga-1' } });
      const deleted = given(
        created,
        deletionRequested(),
        confirmed('post'),
        confirmed('subscribe'),
        { type: 'BlogDeleted', data: { sagaId: 'saga-1' } },
      );
      expect(deleted.state).toMatchObject({ status: 'DELETED', lock: null });
      deleted.when({ type: 'UpdateBlog', callerId: owner, title: 'x' }).thenRefuses('BLOG.DELETED');
    });

    it('ignores a repeated confirmation', () => {
      given(created, deletionRequested(), confirmed('post'))
        .when({ type: 'ConfirmDeletion', sagaId: 'saga-1', participant: 'post' })
        .then();
    });

    it('is ACTIVE again after a refusal, and the lock is gone', () => {
      const refusal: BlogCommand = {
        type: 'RefuseDeletion',
        sagaId: 'saga-1',
        participant: 'subscribe',
        reason: 'busy',
      };
      const cancelled: BlogEvent = {
        type: 'BlogDeletionCancelled',
        data: { sagaId: 'saga-1', participant: 'subscribe', reason: 'busy' },
      };
      given(created, deletionRequested(), confirmed('post')).when(refusal).then(cancelled);
      expect(given(created, deletionRequested(), cancelled).state).toMatchObject({
        status: 'ACTIVE',
        lock: null,
        deletion: null,
      });
    });

    it('times out naming who did not answer', () => {
      given(created, deletionRequested(), confirmed('post'))
        .when({ type: 'TimeOutDeletion', sagaId: 'saga-1' })
        .then({ type: 'BlogDeletionTimedOut', data: { sagaId: 'saga-1', missing: ['subscribe'] } });
    });

    it('changes nothing for answers of a saga the blog is no longer in', () => {
      const afterTimeout = given(created, deletionRequested(), {
        type: 'BlogDeletionTimedOut',
        data: { sagaId: 'saga-1', missing: ['post', 'subscribe'] },
      });
      afterTimeout.when({ type: 'ConfirmDeletion', sagaId: 'saga-1', participant: 'post' }).then();
      afterTimeout
        .when({ type: 'RefuseDeletion', sagaId: 'saga-1', participant: 'post', reason: 'x' })
        .then();
      afterTimeout.when({ type: 'TimeOutDeletion', sagaId: 'saga-1' }).then();
      given(created, deletionRequested('saga-2'))
        .when({ type: 'ConfirmDeletion', sagaId: 'saga-1', participant: 'post' })
        .then();
    });
  });
});
