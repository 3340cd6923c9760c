/** The shape of a pure domain core: decide refuses by rule or answers with events; evolve folds them. */
export interface Decider<State, Command, Event> {
  readonly initialState: State;
  decide(state: State, command: Command): { readonly ok: true; readonly value: readonly Event[] } | { readonly ok: false; readonly violations: readonly { readonly rule: string }[] };
  evolve(state: State, event: Event): State;
}

/**
 * given(past events).when(command).then(new events) — or .thenRefused(rule). Rules are tested
 * without Nest, Kafka or a database.
 */
export function specification<State, Command, Event>(decider: Decider<State, Command, Event>) {
  return {
    given: (events: readonly Event[]) => ({
      when: (command: Command) => {
        const state = events.reduce(decider.evolve, decider.initialState);
        const decision = decider.decide(state, command);
        return {
          then: (expected: readonly Event[]) => {
            if (!decision.ok) throw new Error(`expected events, but the command was refused: ${decision.violations.map((v) => v.rule).join(', ')}`);
            expect(decision.value).toEqual(expected);
          },
          thenRefused: (rule: string) => {
            if (decision.ok) throw new Error(`expected refusal by ${rule}, but got ${decision.value.length} event(s)`);
            expect(decision.violations.map((v) => v.rule)).toContain(rule);
          },
        };
      },
    }),
  };
}
