import { EventStore } from '@blog/eventstore';
import { projectReadModels } from './read-models.inline-projection';

/** subscribe's event store: subscription and audience streams, read models inline. */
export function createSubscribeEventStore(): EventStore {
  return new EventStore({ inlineProjections: [projectReadModels] });
}
