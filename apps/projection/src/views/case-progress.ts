import type { EventEnvelope, RegionCode } from '@qorgau/contracts';
import { monthOf } from './view-cells';

/** A case's stages, as months. Every stage is written once: the first time it is reached. */
export interface CaseProgressUpdate {
  readonly caseId: string;
  readonly region: RegionCode;
  readonly openedMonth?: string;
  readonly identifiedMonth?: string;
  readonly assistedMonth?: string;
  readonly closedMonth?: string;
  readonly outcome?: string;
}

/**
 * Which stage of its case an event marks, if any: opened, identified, assisted (the first
 * referral), closed with an outcome. Pure, like cellsFor.
 */
export function progressFor(event: EventEnvelope, timeZone: string): CaseProgressUpdate | null {
  const base = { region: event.region };
  switch (event.type) {
    case 'CaseOpened':
      return { ...base, caseId: event.payload.caseId, openedMonth: monthOf(event.payload.openedAt, timeZone) };
    case 'VictimIdentified':
      return { ...base, caseId: event.payload.caseId, identifiedMonth: monthOf(event.payload.identifiedAt, timeZone) };
    case 'CaseReferred':
      return { ...base, caseId: event.payload.caseId, assistedMonth: monthOf(event.payload.referredAt, timeZone) };
    case 'CaseClosed':
      return { ...base, caseId: event.payload.caseId, closedMonth: monthOf(event.payload.closedAt, timeZone), outcome: event.payload.reason };
    default:
      return null;
  }
}
