import * as account from './account.contracts';
import * as blog from './blog.contracts';
import * as post from './post.contracts';
import * as profile from './profile.contracts';
import { SAGA_CATALOG, sagaStartedBy } from './saga-catalog';
import * as subscription from './subscription.contracts';
import * as visitor from './visitor.contracts';

const everyContract = [account, blog, post, profile, subscription, visitor].flatMap((module) =>
  Object.values(module),
);

describe('saga catalog and contracts', () => {
  it('names only message types that exist', () => {
    const known = new Set(everyContract.map((contract) => contract.type));
    for (const shape of Object.values(SAGA_CATALOG)) {
      for (const type of [
        shape.startedBy,
        ...shape.succeededOn,
        ...shape.compensatedOn,
        ...shape.timedOutOn,
      ]) {
        expect(known).toContain(type);
      }
    }
  });

  it('has one contract per message type, each routed to a topic-safe aggregate type', () => {
    const types = everyContract.map((contract) => contract.type);
    expect(new Set(types).size).toBe(types.length);
    for (const contract of everyContract)
      expect(contract.aggregateType).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  });

  it('finds the saga a message starts', () => {
    expect(sagaStartedBy('PublishRequested')).toBe('publish-post');
    expect(sagaStartedBy('PostPublished')).toBeUndefined();
  });
});
