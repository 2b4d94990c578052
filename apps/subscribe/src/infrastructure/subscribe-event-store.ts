import { EventStore } from '@blog/eventstore';
import { projectReadModels } from './read-models.inline-projection';

/** The actor of the events subscribe appends when it reacts to another service's message. */
export const SYSTEM_ACTOR = 'system:subscribe';

/** subscribe's event store: subscription and audience streams, read models inline. */
export function createSubscribeEventStore(): EventStore {
  return new EventStore({ inlineProjections: [projectReadModels] });
}
