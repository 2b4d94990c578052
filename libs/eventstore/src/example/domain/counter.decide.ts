import type { CounterCommand } from './counter.commands';
import { CounterError } from './counter.error';
import type { CounterEvent } from './counter.events';
import type { CounterState } from './counter.state';

function assertOpen(
  state: CounterState,
): asserts state is Extract<CounterState, { total: number }> {
  if (state.status !== 'open') throw new CounterError('COUNTER.NOT_OPEN', 'Counter is not open');
}

/** The counter's rules: which events a command produces from the current state. Pure. */
export function decideCounter(command: CounterCommand, state: CounterState): CounterEvent[] {
  switch (command.type) {
    case 'OpenCounter':
      if (state.status !== 'empty') {
        throw new CounterError('COUNTER.ALREADY_OPEN', 'Counter already exists');
      }
      return [{ type: 'CounterOpened', data: { name: command.name, limit: command.limit } }];
    case 'Increment':
      assertOpen(state);
      if (state.total + command.by > state.limit) {
        throw new CounterError('COUNTER.OVER_LIMIT', `Limit ${state.limit} would be exceeded`);
      }
      return [{ type: 'CounterIncremented', data: { by: command.by, source: command.source } }];
    case 'Decrement':
      assertOpen(state);
      if (state.total - command.by < 0) {
        throw new CounterError('COUNTER.BELOW_ZERO', 'Counter cannot go below zero');
      }
      return [{ type: 'CounterDecremented', data: { by: command.by } }];
    case 'CloseCounter':
      assertOpen(state);
      return [{ type: 'CounterClosed', data: { reason: command.reason } }];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown command ${JSON.stringify(unknown)}`);
    }
  }
}
