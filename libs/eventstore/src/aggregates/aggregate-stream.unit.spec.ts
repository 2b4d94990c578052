import { aggregateStream } from './aggregate-stream';

type Added = { readonly type: 'Added'; readonly data: { readonly n: number } };

const evolve = (state: { sum: number }, event: Added) => ({ sum: state.sum + event.data.n });
const added = (n: number): Added => ({ type: 'Added', data: { n } });

describe('aggregateStream', () => {
  it('folds events in order from the initial state', () => {
    expect(aggregateStream([added(1), added(2), added(3)], evolve, () => ({ sum: 0 }))).toEqual({
      sum: 6,
    });
  });

  it('returns a fresh initial state for an empty stream', () => {
    const first = aggregateStream([], evolve, () => ({ sum: 0 }));
    const second = aggregateStream([], evolve, () => ({ sum: 0 }));
    expect(first).toEqual({ sum: 0 });
    expect(first).not.toBe(second);
  });

  it('continues from a snapshot as if it had replayed the events before it', () => {
    const events = [added(1), added(2), added(3), added(4)];
    const snapshot = aggregateStream(events.slice(0, 2), evolve, () => ({ sum: 0 }));
    expect(aggregateStream(events.slice(2), evolve, () => snapshot)).toEqual(
      aggregateStream(events, evolve, () => ({ sum: 0 })),
    );
  });
});
