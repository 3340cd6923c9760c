import type { EventPayload, EventType } from './event-catalogue';
import { KAZAKHSTAN_UTC_OFFSET_MS } from './reporting-period';

/**
 * Dates that tie an event to a victim's case are published to the day — what reporting needs — not
 * to the millisecond: an exact time on a bus many consumers read can help single a person out (the
 * one who was referred at 14:37). The owning service keeps the exact time in its own database.
 * Days are Kazakhstan's (UTC+5 all year): `2026-03-02T00:00:00+05:00`.
 */
export const DAY_PRECISION_FIELDS = {
  CaseOpened: ['openedAt'],
  VictimIdentified: ['identifiedAt'],
  CaseReferred: ['referredAt'],
  ConsentRecorded: ['recordedAt'],
  CaseClosed: ['closedAt'],
  VictimDataErased: ['erasedAt'],
  LegalAssistanceOpened: ['openedAt'],
  LegalAssistanceProvided: ['providedAt'],
  VictimRepatriated: ['repatriatedAt'],
  CriminalProceedingOpened: ['openedAt'],
  CriminalProceedingAdvanced: ['advancedAt'],
  VerdictDelivered: ['deliveredAt'],
  RehabilitationPlanOpened: ['openedAt'],
  RehabilitationAssessed: ['assessedAt'],
  RehabilitationSessionHeld: ['heldAt'],
  RehabilitationEnded: ['endedAt'],
  RaidConducted: ['conductedAt'],
} as const satisfies { readonly [T in EventType]?: readonly (keyof EventPayload<T> & string)[] };

/** The Kazakhstan day of an instant, as midnight there: `2026-03-02T00:00:00+05:00`. */
export function kazakhstanDay(iso: string): string {
  const day = new Date(new Date(iso).getTime() + KAZAKHSTAN_UTC_OFFSET_MS).toISOString().slice(0, 10);
  return `${day}T00:00:00+05:00`;
}

/** The payload with its case-linked dates to the day; other events unchanged. */
export function toDayPrecision(type: string, payload: unknown): unknown {
  const fields = (DAY_PRECISION_FIELDS as Record<string, readonly string[] | undefined>)[type];
  if (!fields || typeof payload !== 'object' || payload === null) return payload;
  const copy: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const field of fields) if (typeof copy[field] === 'string') copy[field] = kazakhstanDay(copy[field]);
  return copy;
}

/** Whether an event's envelope time is rounded too, like its case-linked dates. */
export const hasDayPrecision = (type: string): boolean => type in DAY_PRECISION_FIELDS;
