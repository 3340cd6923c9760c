import type { EventEnvelope, RegionCode } from '@qorgau/contracts';
import { monthOf } from '../figures/view-cells';

/** A case's stages, as months. Each stage keeps the earliest month it was reached. */
export interface CaseProgressUpdate {
  readonly caseId: string;
  readonly region: RegionCode;
  readonly openedMonth?: string;
  readonly identifiedMonth?: string;
  readonly assistedMonth?: string;
  readonly returnedMonth?: string;
  readonly reintegratedMonth?: string;
  readonly closedMonth?: string;
  readonly outcome?: string;
}

/** One line of a case's history: a month and what happened, in categories only. */
export interface CaseStep {
  readonly month: string;
  readonly step: string;
}

/**
 * Which stage of a case an event marks, and the step it adds to the case's history: opened,
 * identified, assisted (a referral, legal assistance, a rehabilitation plan), returned home
 * (repatriation or return), reintegrated (rehabilitation completed), closed with an outcome.
 * Events of every service count, wherever the case is; pure, like cellsFor.
 */
export function progressFor(event: EventEnvelope, timeZone: string): { update: CaseProgressUpdate; step: CaseStep } | null {
  const at = (iso: string) => monthOf(iso, timeZone);
  const mark = (caseId: string | null, iso: string, step: string, stages: (month: string) => Partial<CaseProgressUpdate>) => {
    if (!caseId) return null;
    const month = at(iso);
    return { update: { caseId, region: event.region, ...stages(month) }, step: { month, step } };
  };
  switch (event.type) {
    case 'CaseOpened':
      return mark(event.payload.caseId, event.payload.openedAt, 'OPENED', (m) => ({ openedMonth: m }));
    case 'VictimIdentified':
      return mark(event.payload.caseId, event.payload.identifiedAt, `IDENTIFIED_BY_${event.payload.identifiedBy}`, (m) => ({ identifiedMonth: m }));
    case 'CaseReferred':
      return mark(event.payload.caseId, event.payload.referredAt, `REFERRED_TO_${event.payload.destination}`, (m) => ({ assistedMonth: m }));
    case 'CaseClosed':
      return mark(event.payload.caseId, event.payload.closedAt, `CLOSED_${event.payload.reason}`, (m) => ({ closedMonth: m, outcome: event.payload.reason }));
    case 'LegalAssistanceOpened':
      return mark(event.payload.caseId, event.payload.openedAt, 'LEGAL_ASSISTANCE_OPENED', (m) => ({ assistedMonth: m }));
    case 'LegalAssistanceProvided': {
      const kind = event.payload.kind;
      return mark(event.payload.caseId, event.payload.providedAt, `LEGAL_${kind}`, (m) => ({ assistedMonth: m, ...(kind === 'RETURN_HOME' ? { returnedMonth: m } : {}) }));
    }
    case 'VictimRepatriated':
      return mark(event.payload.caseId, event.payload.repatriatedAt, `REPATRIATED_TO_${event.payload.country}${event.payload.embassyInvolved ? '_WITH_EMBASSY' : ''}`, (m) => ({
        assistedMonth: m,
        returnedMonth: m,
      }));
    case 'RehabilitationPlanOpened':
      return mark(event.payload.caseId, event.payload.openedAt, 'REHABILITATION_STARTED', (m) => ({ assistedMonth: m }));
    case 'RehabilitationAssessed':
      return mark(event.payload.caseId, event.payload.assessedAt, 'REHABILITATION_ASSESSED', () => ({}));
    case 'RehabilitationEnded': {
      const completed = event.payload.outcome === 'COMPLETED';
      return mark(event.payload.caseId, event.payload.endedAt, `REHABILITATION_${event.payload.outcome}`, (m) => (completed ? { reintegratedMonth: m } : {}));
    }
    case 'CriminalProceedingOpened':
      return mark(event.payload.caseId, event.payload.openedAt, 'CRIMINAL_PROCEEDING_OPENED', () => ({}));
    case 'VerdictDelivered':
      return mark(event.payload.caseId, event.payload.deliveredAt, `VERDICT_${event.payload.verdict}`, () => ({}));
    default:
      return null;
  }
}
