import { deciderSpec } from '@blog/testing/decider-spec';
import { decideProfile } from './profile.decide';
import type { ProfileCreated, ProfileEvent } from './profile.events';
import { evolveProfile } from './profile.evolve';
import { initialProfileState } from './profile.state';

const given = deciderSpec({
  decide: decideProfile,
  evolve: evolveProfile,
  initialState: initialProfileState,
});

const owner = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const created: ProfileCreated = {
  type: 'ProfileCreated',
  data: { accountId: owner, handle: 'ann', displayName: 'Ann', sagaId: 'sign-up-1' },
};

describe('profile decide/evolve', () => {
  it('creates a profile for a new account', () => {
    given()
      .when({ type: 'CreateProfile', ...created.data })
      .then(created);
    expect(given(created).state).toMatchObject({ status: 'ACTIVE', handle: 'ann', bio: null });
  });

  it('refuses to create it twice', () => {
    given(created)
      .when({ type: 'CreateProfile', ...created.data })
      .thenRefuses('USER.PROFILE_EXISTS');
  });

  it('lets the owner edit display name and bio, recording only what changed', () => {
    given(created)
      .when({ type: 'UpdateProfile', actor: owner, displayName: 'Ann', bio: 'Writes about owls' })
      .then({ type: 'ProfileUpdated', data: { bio: 'Writes about owls' } });
    const updated = given(created, {
      type: 'ProfileUpdated',
      data: { displayName: 'Ann B', bio: 'Owls' },
    });
    expect(updated.state).toMatchObject({ displayName: 'Ann B', bio: 'Owls' });
    updated.when({ type: 'UpdateProfile', actor: owner, bio: 'Owls' }).then();
    updated
      .when({ type: 'UpdateProfile', actor: owner, bio: null })
      .then({ type: 'ProfileUpdated', data: { bio: null } });
  });

  it('refuses edits by anyone else', () => {
    given(created)
      .when({ type: 'UpdateProfile', actor: 'someone-else', displayName: 'Mallory' })
      .thenRefuses('USER.NOT_OWNER');
  });

  it('refuses edits of a profile that is gone', () => {
    given().when({ type: 'UpdateProfile', actor: owner, bio: 'x' }).thenRefuses('USER.NOT_FOUND');
    given(created, { type: 'ProfileAnonymised', data: { sagaId: 'close-1' } })
      .when({ type: 'UpdateProfile', actor: owner, bio: 'x' })
      .thenRefuses('USER.NOT_FOUND');
  });

  it('releases the handle when its own sign-up saga failed, and only then', () => {
    const released: ProfileEvent = {
      type: 'ProfileReleased',
      data: { sagaId: 'sign-up-1', reason: 'TIMED_OUT' },
    };
    given(created)
      .when({ type: 'ReleaseProfile', sagaId: 'sign-up-1', reason: 'TIMED_OUT' })
      .then(released);
    given(created).when({ type: 'ReleaseProfile', sagaId: 'another', reason: 'TIMED_OUT' }).then();
    given().when({ type: 'ReleaseProfile', sagaId: 'sign-up-1', reason: 'HANDLE_TAKEN' }).then();
    expect(given(created, released).state).toMatchObject({ status: 'RELEASED', handle: null });
  });

  it('anonymises: handle freed, name and bio erased; a second request changes nothing', () => {
    const anonymised: ProfileEvent = { type: 'ProfileAnonymised', data: { sagaId: 'close-1' } };
    given(created).when({ type: 'AnonymiseProfile', sagaId: 'close-1' }).then(anonymised);
    given(created, anonymised).when({ type: 'AnonymiseProfile', sagaId: 'close-2' }).then();
    expect(given(created, anonymised).state).toMatchObject({
      status: 'ANONYMISED',
      handle: null,
      displayName: null,
      bio: null,
    });
  });
});
