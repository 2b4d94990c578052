import type { Event } from '@blog/domain';

export interface Decider<Command, State, E extends Event> {
  readonly decide: (command: Command, state: State) => readonly E[];
  readonly evolve: (state: State, event: E) => State;
  readonly initialState: () => State;
}

/**
 * Given past events, when a command, then the events it decides or the code it is
 * refused with (Emmett's DeciderSpecification): the shape of every aggregate's unit spec.
 * Imported by its own path (`@blog/testing/decider-spec`), not the barrel, which loads the
 * stack's clients: a decider's spec stays as light as the decider.
 */
export function deciderSpec<Command, State, E extends Event>(decider: Decider<Command, State, E>) {
  return (...history: E[]) => {
    const state = history.reduce(decider.evolve, decider.initialState());
    return {
      state,
      when: (command: Command) => ({
        then: (...expected: E[]) => expect(decider.decide(command, state)).toEqual(expected),
        thenRefuses: (code: string, details: object = {}) =>
          expect(() => decider.decide(command, state)).toThrow(
            expect.objectContaining({ code, ...details }),
          ),
      }),
    };
  };
}
