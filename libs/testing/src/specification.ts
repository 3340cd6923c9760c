import type { Decider } from '@qorgau/domain';

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
