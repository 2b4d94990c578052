/** Emmett's evolve: the state after one more event. Pure. */
export type Evolve<State, E> = (state: State, event: E) => State;

/**
 * The state a stream's events fold to. `initialState` is a factory so every load starts
 * from a fresh value, even if an evolve mutates by mistake.
 */
export function aggregateStream<State, E>(
  events: readonly E[],
  evolve: Evolve<State, E>,
  initialState: () => State,
): State {
  return events.reduce(evolve, initialState());
}
