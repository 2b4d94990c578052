import type { CounterEvent } from './counter.events';
import type { CounterState } from './counter.state';

/** The counter's state after one more event. Pure; facts are never refused here. */
export function evolveCounter(state: CounterState, event: CounterEvent): CounterState {
  switch (event.type) {
    case 'CounterOpened':
      return { status: 'open', name: event.data.name, limit: event.data.limit, total: 0 };
    case 'CounterIncremented':
      return state.status === 'empty' ? state : { ...state, total: state.total + event.data.by };
    case 'CounterDecremented':
      return state.status === 'empty' ? state : { ...state, total: state.total - event.data.by };
    case 'CounterClosed':
      return state.status === 'empty' ? state : { ...state, status: 'closed' };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
