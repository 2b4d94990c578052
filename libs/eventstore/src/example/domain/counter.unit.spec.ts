import { aggregateStream } from '../../aggregates/aggregate-stream';
import type { CounterCommand } from './counter.commands';
import { decideCounter } from './counter.decide';
import type { CounterErrorCode } from './counter.error';
import type { CounterEvent } from './counter.events';
import { evolveCounter } from './counter.evolve';
import { initialCounterState } from './counter.state';

// Given past events, when a command, then new events or a refusal (Emmett's spec shape).
function given(...history: CounterEvent[]) {
  const state = aggregateStream(history, evolveCounter, initialCounterState);
  return {
    when: (command: CounterCommand) => ({
      then: (...expected: CounterEvent[]) =>
        expect(decideCounter(command, state)).toEqual(expected),
      thenRefuses: (code: CounterErrorCode) =>
        expect(() => decideCounter(command, state)).toThrow(expect.objectContaining({ code })),
    }),
  };
}

const opened: CounterEvent = { type: 'CounterOpened', data: { name: 'visits', limit: 10 } };
const incremented = (by: number): CounterEvent => ({
  type: 'CounterIncremented',
  data: { by, source: 'test' },
});

describe('counter decide/evolve', () => {
  it('opens a new counter', () => {
    given()
      .when({ type: 'OpenCounter', name: 'visits', limit: 10 })
      .then({ type: 'CounterOpened', data: { name: 'visits', limit: 10 } });
  });

  it('refuses to open a counter twice', () => {
    given(opened)
      .when({ type: 'OpenCounter', name: 'again', limit: 1 })
      .thenRefuses('COUNTER.ALREADY_OPEN');
  });

  it('increments up to its limit', () => {
    given(opened, incremented(6))
      .when({ type: 'Increment', by: 4, source: 'test' })
      .then(incremented(4));
  });

  it('refuses to pass its limit', () => {
    given(opened, incremented(6))
      .when({ type: 'Increment', by: 5, source: 'test' })
      .thenRefuses('COUNTER.OVER_LIMIT');
  });

  it('refuses to go below zero', () => {
    given(opened, incremented(1))
      .when({ type: 'Decrement', by: 2 })
      .thenRefuses('COUNTER.BELOW_ZERO');
  });

  it('refuses commands on a counter that is not open', () => {
    given().when({ type: 'Increment', by: 1, source: 'test' }).thenRefuses('COUNTER.NOT_OPEN');
    given(opened, { type: 'CounterClosed', data: { reason: 'done' } })
      .when({ type: 'Decrement', by: 0 })
      .thenRefuses('COUNTER.NOT_OPEN');
  });

  it('evolves the total from its events', () => {
    const history: CounterEvent[] = [
      opened,
      incremented(3),
      { type: 'CounterDecremented', data: { by: 1 } },
    ];
    expect(aggregateStream(history, evolveCounter, initialCounterState)).toEqual({
      status: 'open',
      name: 'visits',
      limit: 10,
      total: 2,
    });
  });
});
