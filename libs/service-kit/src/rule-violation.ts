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
