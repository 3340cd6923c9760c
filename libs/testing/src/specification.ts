import type { Decider, Decision } from '@qorgau/domain';

/** What a decision is checked against: the value it accepts with, or the rule (and field) it refuses by. */
function outcome<T>(decision: Decision<T>) {
  return {
    then: (expected: T) => {
      if (!decision.ok) throw new Error(`expected acceptance, but the command was refused: ${decision.violations.map((v) => v.rule).join(', ')}`);
      expect(decision.value).toEqual(expected);
    },
    /** Accepted; for values too large to spell out, `check` looks at the parts that matter. */
    thenAccepted: (check: (value: T) => void = () => undefined) => {
      if (!decision.ok) throw new Error(`expected acceptance, but the command was refused: ${decision.violations.map((v) => v.rule).join(', ')}`);
      check(decision.value);
    },
    /** Refused by `rule`, naming `field` when given (answered as 400), or naming none when `field` is null (409). */
    thenRefused: (rule: string, field?: string | null) => {
      if (decision.ok) throw new Error(`expected refusal by ${rule}, but the command was accepted`);
      const violation = decision.violations.find((v) => v.rule === rule);
      expect(decision.violations.map((v) => v.rule)).toContain(rule);
      if (field !== undefined) expect(violation?.field ?? null).toBe(field);
    },
  };
}

/**
 * given(the state, or past events).when(command).then(what is decided) — or .thenRefused(rule).
 * Rules are tested without Nest, Kafka or a database.
 *
 * - An event-sourced decider (`Decider`): given the events so far, folded by `evolve`.
 * - A decision over a record's current state, `(state, command) => Decision`: given that state.
 */
export function specification<State, Command, Event>(
  decider: Decider<State, Command, Event>,
): { given: (events: readonly Event[]) => { when: (command: Command) => ReturnType<typeof outcome<readonly Event[]>> } };
export function specification<State, Command, Value>(
  decide: (state: State, command: Command) => Decision<Value>,
): { given: (state: State) => { when: (command: Command) => ReturnType<typeof outcome<Value>> } };
export function specification<State, Command, T>(decider: Decider<State, Command, T> | ((state: State, command: Command) => Decision<T>)) {
  if (typeof decider === 'function') {
    return { given: (state: State) => ({ when: (command: Command) => outcome(decider(state, command)) }) };
  }
  return {
    given: (events: readonly T[]) => ({
      when: (command: Command) => outcome(decider.decide(events.reduce(decider.evolve, decider.initialState), command)),
    }),
  };
}
