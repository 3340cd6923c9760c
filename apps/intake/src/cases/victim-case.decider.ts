import type { AgeBand, CaseClosureReason, DomainEventOf, ExploitationForm, IdentifiedBy, ReferralDestination, RegionCode, Sex, TraffickingScope } from '@qorgau/contracts';
import { assertNever } from '@qorgau/contracts';
import { accept, CLOCK_SKEW_MS, refuse, type Decision, type RuleViolation } from '@qorgau/domain';

// A victim case as a decider: decide() turns a command into events or refuses it; evolve() folds
// events into state. Pure: no Nest, Kafka or database, so every rule is tested on its own.

export interface CaseSubject {
  readonly sex: Sex;
  readonly ageBand: AgeBand;
  readonly citizenship: string;
  readonly exploitationForm: ExploitationForm;
  readonly scope: TraffickingScope;
}

/** What the victim agreed to. Nothing is assumed: a new case has every consent withheld. */
export interface Consent {
  readonly services: boolean;
  readonly externalReferral: boolean;
  readonly reporting: boolean;
}

export const NO_CONSENT: Consent = { services: false, externalReferral: false, reporting: false };

/** Referrals that take the case outside the NGO, and so need the victim's consent. */
export const EXTERNAL_DESTINATIONS: readonly ReferralDestination[] = ['SHELTER', 'POLICE', 'EMBASSY', 'OTHER_ORGANISATION'];

export interface VictimCase {
  readonly id: string;
  readonly region: RegionCode;
  readonly status: 'OPEN' | 'CLOSED';
  readonly openedAt: Date;
  readonly subject: CaseSubject;
  readonly identifiedBy: IdentifiedBy | null;
  readonly identifiedAt: Date | null;
  readonly closedAt: Date | null;
  readonly closureReason: CaseClosureReason | null;
  readonly consent: Consent;
}

export type CaseCommand =
  | {
      readonly kind: 'OpenCase';
      readonly caseId: string;
      readonly region: RegionCode;
      readonly openedAt: Date;
      readonly subject: CaseSubject;
      readonly identifiedBy: IdentifiedBy | null;
      readonly consent: Consent | null;
    }
  | { readonly kind: 'IdentifyVictim'; readonly identifiedBy: IdentifiedBy; readonly identifiedAt: Date }
  | { readonly kind: 'ReferCase'; readonly referralId: string; readonly destination: ReferralDestination; readonly referredAt: Date }
  | { readonly kind: 'CloseCase'; readonly reason: CaseClosureReason; readonly closedAt: Date }
  | { readonly kind: 'RecordConsent'; readonly consent: Consent; readonly recordedAt: Date };

export type CaseEvent = DomainEventOf<'CaseOpened' | 'VictimIdentified' | 'CaseReferred' | 'ConsentRecorded' | 'CaseClosed'>;

export function decide(state: VictimCase | null, command: CaseCommand, now: Date): Decision<CaseEvent[]> {
  if (command.kind === 'OpenCase') {
    if (state) return refuse({ rule: 'case-opened-once', message: 'this case is already open' });
    const future = notInFuture(command.openedAt, now, 'openedAt');
    if (future) return refuse(future);
    const s = command.subject;
    const opened: CaseEvent = {
      type: 'CaseOpened',
      payload: {
        caseId: command.caseId,
        openedAt: command.openedAt.toISOString(),
        subjectSex: s.sex,
        subjectAgeBand: s.ageBand,
        citizenship: s.citizenship,
        exploitationForm: s.exploitationForm,
        scope: s.scope,
      },
    };
    const events: CaseEvent[] = [opened];
    if (command.identifiedBy) events.push(identified(command.caseId, s, command.identifiedBy, command.openedAt));
    if (command.consent) events.push(consentRecorded(command.caseId, command.consent, command.openedAt));
    return accept(events);
  }

  if (!state) return refuse({ rule: 'case-exists', message: 'the case does not exist' });
  if (state.status === 'CLOSED') {
    return refuse({ rule: 'closed-case-is-final', message: `the case was closed on ${state.closedAt?.toISOString().slice(0, 10)}; it cannot be changed` });
  }

  switch (command.kind) {
    case 'IdentifyVictim': {
      if (state.identifiedAt) return refuse({ rule: 'identified-once', message: 'the victim in this case is already identified' });
      const problem = notInFuture(command.identifiedAt, now, 'identifiedAt') ?? notBeforeOpening(state, command.identifiedAt, 'identifiedAt');
      if (problem) return refuse(problem);
      return accept([identified(state.id, state.subject, command.identifiedBy, command.identifiedAt)]);
    }
    case 'ReferCase': {
      const problem = notInFuture(command.referredAt, now, 'referredAt') ?? notBeforeOpening(state, command.referredAt, 'referredAt');
      if (problem) return refuse(problem);
      if (EXTERNAL_DESTINATIONS.includes(command.destination) && !state.consent.externalReferral) {
        return refuse({
          rule: 'consent-for-external-referral',
          message: `a referral to ${command.destination} leaves the organisation and needs the victim's consent; record it first (POST /cases/${state.id}/consent)`,
        });
      }
      return accept([
        {
          type: 'CaseReferred',
          payload: { caseId: state.id, referralId: command.referralId, destination: command.destination, referredAt: command.referredAt.toISOString() },
        },
      ]);
    }
    case 'CloseCase': {
      const problem = notInFuture(command.closedAt, now, 'closedAt') ?? notBeforeOpening(state, command.closedAt, 'closedAt');
      if (problem) return refuse(problem);
      return accept([{ type: 'CaseClosed', payload: { caseId: state.id, closedAt: command.closedAt.toISOString(), reason: command.reason } }]);
    }
    case 'RecordConsent': {
      const problem = notInFuture(command.recordedAt, now, 'recordedAt');
      if (problem) return refuse(problem);
      return accept([consentRecorded(state.id, command.consent, command.recordedAt)]);
    }
    default:
      return assertNever(command);
  }
}

/** Folds one event into the case. `region` comes from the envelope, so opening needs it passed in. */
export function evolve(state: VictimCase | null, event: CaseEvent, region: RegionCode): VictimCase {
  switch (event.type) {
    case 'CaseOpened': {
      const p = event.payload;
      return {
        id: p.caseId,
        region,
        status: 'OPEN',
        openedAt: new Date(p.openedAt),
        subject: { sex: p.subjectSex, ageBand: p.subjectAgeBand, citizenship: p.citizenship, exploitationForm: p.exploitationForm, scope: p.scope },
        identifiedBy: null,
        identifiedAt: null,
        closedAt: null,
        closureReason: null,
        consent: NO_CONSENT,
      };
    }
    case 'VictimIdentified':
      return { ...existing(state, event), identifiedBy: event.payload.identifiedBy, identifiedAt: new Date(event.payload.identifiedAt) };
    case 'CaseReferred':
      return existing(state, event);
    case 'CaseClosed':
      return { ...existing(state, event), status: 'CLOSED', closedAt: new Date(event.payload.closedAt), closureReason: event.payload.reason };
    case 'ConsentRecorded': {
      const { services, externalReferral, reporting } = event.payload;
      return { ...existing(state, event), consent: { services, externalReferral, reporting } };
    }
    default:
      return assertNever(event);
  }
}

function existing(state: VictimCase | null, event: CaseEvent): VictimCase {
  if (!state) throw new Error(`${event.type} before CaseOpened`);
  return state;
}

function identified(caseId: string, s: CaseSubject, by: IdentifiedBy, at: Date): CaseEvent {
  return {
    type: 'VictimIdentified',
    payload: {
      caseId,
      identifiedAt: at.toISOString(),
      identifiedBy: by,
      subjectSex: s.sex,
      subjectAgeBand: s.ageBand,
      citizenship: s.citizenship,
      exploitationForm: s.exploitationForm,
      scope: s.scope,
    },
  };
}

function consentRecorded(caseId: string, consent: Consent, at: Date): CaseEvent {
  return { type: 'ConsentRecorded', payload: { caseId, recordedAt: at.toISOString(), ...consent } };
}

function notInFuture(at: Date, now: Date, field: string): RuleViolation | undefined {
  return at.getTime() > now.getTime() + CLOCK_SKEW_MS ? { rule: 'not-in-future', field, message: 'cannot be in the future' } : undefined;
}

function notBeforeOpening(state: VictimCase, at: Date, field: string): RuleViolation | undefined {
  return at.getTime() < state.openedAt.getTime() ? { rule: 'not-before-opening', field, message: `cannot be before the case was opened (${state.openedAt.toISOString()})` } : undefined;
}
