import { deciderSpec } from '@blog/testing/decider-spec';
import { aggregateStream } from '@blog/eventstore';
import type { AudienceCommand } from './audience.commands';
import { decideAudience } from './audience.decide';
import type { AudienceEvent } from './audience.events';
import { evolveAudience } from './audience.evolve';
import { initialAudienceState } from './audience.state';

const given = deciderSpec({
  decide: decideAudience,
  evolve: evolveAudience,
  initialState: initialAudienceState,
});

const blogId = 'blog-1';
const opened: AudienceEvent = {
  type: 'AudienceOpened',
  data: { blogId, ownerId: 'owner-1', title: 'Notes' },
};
const close = (sagaId: string, openSubscriptions = 3): AudienceCommand => ({
  type: 'CloseAudience',
  blogId,
  sagaId,
  openSubscriptions,
});
const closed = (sagaId: string, count = 3): AudienceEvent => ({
  type: 'AudienceClosed',
  data: { blogId, sagaId, closed: count },
});
const restore = (sagaId: string, closedBySaga = 3): AudienceCommand => ({
  type: 'RestoreAudience',
  blogId,
  sagaId,
  closedBySaga,
});
const retired: AudienceEvent = { type: 'AudienceRetired', data: { blogId } };

describe('audience decide/evolve (saga 3: delete a blog)', () => {
  it('opens once per blog', () => {
    given().when({ type: 'OpenAudience', blogId, ownerId: 'owner-1', title: 'Notes' }).then(opened);
    given(opened).when({ type: 'OpenAudience', blogId, ownerId: 'x', title: 'Again' }).then();
  });

  it('closes an active blog’s subscriptions for the deletion saga', () => {
    given(opened).when(close('saga-1', 5)).then(closed('saga-1', 5));
  });

  it('closes a blog it never heard of (nothing to close, nothing to object to)', () => {
    given().when(close('saga-1', 0)).then(closed('saga-1', 0));
  });

  it('answers the same saga again without closing twice', () => {
    given(opened, closed('saga-1')).when(close('saga-1')).then();
  });

  it('refuses a second deletion saga while the first holds the blog', () => {
    given(opened, closed('saga-1'))
      .when(close('saga-2'))
      .then({
        type: 'AudienceCloseRefused',
        data: {
          blogId,
          sagaId: 'saga-2',
          reason: 'The blog is already being deleted by saga saga-1',
        },
      });
  });

  it('refuses to close a deleted blog', () => {
    given(opened, closed('saga-1'), retired)
      .when(close('saga-2'))
      .then({
        type: 'AudienceCloseRefused',
        data: { blogId, sagaId: 'saga-2', reason: 'The blog is already deleted' },
      });
  });

  it('restores only what its own saga closed, once', () => {
    given(opened, closed('saga-1'))
      .when(restore('saga-1', 2))
      .then({ type: 'AudienceRestored', data: { blogId, sagaId: 'saga-1', restored: 2 } });
    given(opened, closed('saga-1')).when(restore('saga-2')).then();
    given(opened).when(restore('saga-1')).then();
    given(opened, closed('saga-1'), {
      type: 'AudienceRestored',
      data: { blogId, sagaId: 'saga-1', restored: 3 },
    })
      .when(restore('saga-1'))
      .then();
  });

  it('retires a deleted blog once', () => {
    given(opened, closed('saga-1')).when({ type: 'RetireAudience', blogId }).then(retired);
    given(opened, retired).when({ type: 'RetireAudience', blogId }).then();
  });

  it('evolves the lock with the saga that holds it', () => {
    const state = aggregateStream([opened, closed('saga-1')], evolveAudience, initialAudienceState);
    expect(state).toEqual({
      status: 'deleting',
      title: 'Notes',
      lock: { sagaId: 'saga-1', sagaType: 'delete-blog' },
      closed: 3,
    });
    const restored = evolveAudience(state, {
      type: 'AudienceRestored',
      data: { blogId, sagaId: 'saga-1', restored: 3 },
    });
    expect(restored).toEqual({ status: 'active', title: 'Notes' });
  });
});
