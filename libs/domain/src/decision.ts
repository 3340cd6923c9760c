/**
 * The pure core of every feature (`<feature>.decider.ts`): given the current state and a command, a
 * decider answers with the events that follow or refuses by rule. It knows no framework, database or
 * broker (a lint rule keeps its imports to this library and the contracts).
 */

/**
 * A business rule the request breaks. `field` names the input at fault (answered as 400); without
 * one the request conflicts with the record's state (answered as 409).
 */
export interface RuleViolation {
  readonly rule: string;
  readonly message: string;
  readonly field?: string;
}

export type Decision<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly violations: readonly RuleViolation[] };

export const accept = <T>(value: T): Decision<T> => ({ ok: true, value });
export const refuse = (...violations: RuleViolation[]): Decision<never> => ({ ok: false, violations });

/** Clocks drift and forms are filled in on phones: allow a little, refuse the clearly impossible. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The shape of a pure domain core: decide refuses by rule or answers with events; evolve folds them. */
export interface Decider<State, Command, Event> {
  readonly initialState: State;
  decide(state: State, command: Command): Decision<readonly Event[]>;
  evolve(state: State, event: Event): State;
}
