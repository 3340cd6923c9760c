import { z } from 'zod';
import { CaseClosedV1, CaseOpenedV1, CaseReferredV1, ConsentRecordedV1, HotlineCallLoggedV1, VictimDataErasedV1, VictimIdentifiedV1 } from './intake/intake-events';
import {
  AgencyComplaintDecidedV1,
  AgencyComplaintFiledV1,
  CriminalProceedingAdvancedV1,
  CriminalProceedingOpenedV1,
  LegalAssistanceOpenedV1,
  LegalAssistanceProvidedV1,
  LegalConsultationGivenV1,
  VerdictDeliveredV1,
  VictimRepatriatedV1,
} from './legal/legal-events';
import { AgreementSignedV1, CoordinationMeetingAttendedV1, MaterialsDistributedV1, MediaOutputPublishedV1, RaidConductedV1, TrainingHeldV1, VolunteerSessionHeldV1 } from './outreach/outreach-events';
import { PsychologicalConsultationGivenV1, RehabilitationAssessedV1, RehabilitationEndedV1, RehabilitationPlanOpenedV1, RehabilitationSessionHeldV1 } from './psychology/psychology-events';
import { AftercareContactMadeV1, BasicAssistanceGivenV1, ResidentAdmittedV1, ResidentDischargedV1, ShelterAdmissionRequestedV1, ShelterTherapySessionHeldV1 } from './social/social-events';
import { ReportSubmittedV1, ReportSubmittedV2 } from './statistics/statistics-events';
import { TOPICS, type Topic } from './topics';

/** An older published version of an event, kept forever, and how to lift it to the next one. */
export interface PreviousVersion {
  readonly version: number;
  readonly schema: z.ZodType;
  readonly upcast: (payload: never) => unknown;
}

export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly topic: Topic;
  readonly description: string;
  /** Schema of the newest version: the only one producers write. */
  readonly schema: S;
  /** Older versions, oldest first; the newest version is previous.length + 1. */
  readonly previous: readonly PreviousVersion[];
  /**
   * The payload field that is the Kafka key: events with the same key keep their order (a case's
   * events, in order). A field name, not a function, so the AsyncAPI document can say which.
   */
  readonly key: KeyField<z.infer<S>>;
}

/** A payload field holding a string: a record's id. */
type KeyField<P> = { [K in keyof P]-?: P[K] extends string ? K : never }[keyof P] & string;

function defineEvent<const T extends string, S extends z.ZodType>(definition: {
  type: T;
  topic: Topic;
  description: string;
  schema: S;
  previous?: readonly PreviousVersion[];
  key: KeyField<z.infer<S>>;
}): EventDefinition<T, S> {
  return { previous: [], ...definition };
}

export const EVENT_CATALOGUE = {
  HotlineCallLogged: defineEvent({
    type: 'HotlineCallLogged',
    topic: TOPICS.intake,
    description: 'A hotline operator logged a call: who called (by category, not identity), about what, and where they were referred.',
    schema: HotlineCallLoggedV1,
    key: 'callId',
  }),
  CaseOpened: defineEvent({
    type: 'CaseOpened',
    topic: TOPICS.intake,
    description: 'A case was opened for a presumed or identified victim of trafficking.',
    schema: CaseOpenedV1,
    key: 'caseId',
  }),
  VictimIdentified: defineEvent({
    type: 'VictimIdentified',
    topic: TOPICS.intake,
    description: 'The subject of a case was formally identified as a victim of trafficking.',
    schema: VictimIdentifiedV1,
    key: 'caseId',
  }),
  CaseReferred: defineEvent({
    type: 'CaseReferred',
    topic: TOPICS.intake,
    description: 'A case was referred to a lawyer, a psychologist, a shelter, the police, an embassy or another organisation.',
    schema: CaseReferredV1,
    key: 'caseId',
  }),
  ConsentRecorded: defineEvent({
    type: 'ConsentRecorded',
    topic: TOPICS.intake,
    description: "The victim's consent to services, to referral outside the NGO and to inclusion in reports was recorded.",
    schema: ConsentRecordedV1,
    key: 'caseId',
  }),
  CaseClosed: defineEvent({
    type: 'CaseClosed',
    topic: TOPICS.intake,
    description: 'A case was closed, with the reason.',
    schema: CaseClosedV1,
    key: 'caseId',
  }),
  VictimDataErased: defineEvent({
    type: 'VictimDataErased',
    topic: TOPICS.intake,
    description: "A victim's personal data was erased on request; every service holding personal data about the case erases its own.",
    schema: VictimDataErasedV1,
    key: 'caseId',
  }),

  LegalConsultationGiven: defineEvent({
    type: 'LegalConsultationGiven',
    topic: TOPICS.legal,
    description: 'A lawyer gave a consultation: the client by category, the topics and the outcome.',
    schema: LegalConsultationGivenV1,
    key: 'consultationId',
  }),
  LegalAssistanceOpened: defineEvent({
    type: 'LegalAssistanceOpened',
    topic: TOPICS.legal,
    description: "Legal took on a victim's case referred from intake.",
    schema: LegalAssistanceOpenedV1,
    key: 'caseId',
  }),
  LegalAssistanceProvided: defineEvent({
    type: 'LegalAssistanceProvided',
    topic: TOPICS.legal,
    description: "Legal assistance on a victim's case: documents restored, return home or legal representation.",
    schema: LegalAssistanceProvidedV1,
    key: 'caseId',
  }),
  VictimRepatriated: defineEvent({
    type: 'VictimRepatriated',
    topic: TOPICS.legal,
    description: 'A victim was repatriated to their country, with or without the embassy involved.',
    schema: VictimRepatriatedV1,
    key: 'caseId',
  }),
  AgencyComplaintFiled: defineEvent({
    type: 'AgencyComplaintFiled',
    topic: TOPICS.legal,
    description: 'A complaint against a travel, job or other agency was filed with the regulator.',
    schema: AgencyComplaintFiledV1,
    key: 'complaintId',
  }),
  AgencyComplaintDecided: defineEvent({
    type: 'AgencyComplaintDecided',
    topic: TOPICS.legal,
    description: 'The regulator decided on a complaint against an agency (e.g. licence revoked).',
    schema: AgencyComplaintDecidedV1,
    key: 'complaintId',
  }),
  CriminalProceedingOpened: defineEvent({
    type: 'CriminalProceedingOpened',
    topic: TOPICS.legal,
    description: 'Criminal proceedings the NGO follows were opened, with the Criminal Code articles involved.',
    schema: CriminalProceedingOpenedV1,
    key: 'proceedingId',
  }),
  CriminalProceedingAdvanced: defineEvent({
    type: 'CriminalProceedingAdvanced',
    topic: TOPICS.legal,
    description: 'Criminal proceedings moved to their next stage (investigation, prosecution, trial).',
    schema: CriminalProceedingAdvancedV1,
    key: 'proceedingId',
  }),
  VerdictDelivered: defineEvent({
    type: 'VerdictDelivered',
    topic: TOPICS.legal,
    description: 'A court delivered its verdict: conviction (with the sentence) or acquittal.',
    schema: VerdictDeliveredV1,
    key: 'proceedingId',
  }),

  PsychologicalConsultationGiven: defineEvent({
    type: 'PsychologicalConsultationGiven',
    topic: TOPICS.psychology,
    description: 'A psychologist gave a consultation: the client by category, the format and the presenting issues.',
    schema: PsychologicalConsultationGivenV1,
    key: 'consultationId',
  }),
  RehabilitationPlanOpened: defineEvent({
    type: 'RehabilitationPlanOpened',
    topic: TOPICS.psychology,
    description: "Psychology took on a victim's case referred from intake: a rehabilitation plan opened.",
    schema: RehabilitationPlanOpenedV1,
    key: 'caseId',
  }),
  RehabilitationAssessed: defineEvent({
    type: 'RehabilitationAssessed',
    topic: TOPICS.psychology,
    description: "The victim's initial psychological assessment was done.",
    schema: RehabilitationAssessedV1,
    key: 'caseId',
  }),
  RehabilitationSessionHeld: defineEvent({
    type: 'RehabilitationSessionHeld',
    topic: TOPICS.psychology,
    description: 'A rehabilitation session was held.',
    schema: RehabilitationSessionHeldV1,
    key: 'caseId',
  }),
  RehabilitationEnded: defineEvent({
    type: 'RehabilitationEnded',
    topic: TOPICS.psychology,
    description: 'Rehabilitation ended: completed or discontinued.',
    schema: RehabilitationEndedV1,
    key: 'caseId',
  }),

  TrainingHeld: defineEvent({
    type: 'TrainingHeld',
    topic: TOPICS.outreach,
    description: 'A training or seminar was held: the type of site, the audience, participants by sex and age band, hours.',
    schema: TrainingHeldV1,
    key: 'trainingId',
  }),
  MaterialsDistributed: defineEvent({
    type: 'MaterialsDistributed',
    topic: TOPICS.outreach,
    description: 'Booklets, brochures, posters or other materials were distributed.',
    schema: MaterialsDistributedV1,
    key: 'distributionId',
  }),
  MediaOutputPublished: defineEvent({
    type: 'MediaOutputPublished',
    topic: TOPICS.outreach,
    description: 'A newspaper article, broadcast, online piece, paid advertisement or press conference.',
    schema: MediaOutputPublishedV1,
    key: 'mediaId',
  }),
  RaidConducted: defineEvent({
    type: 'RaidConducted',
    topic: TOPICS.outreach,
    description: 'A raid with a partner agency: persons screened and the victims identified (intake opens a case for each).',
    schema: RaidConductedV1,
    key: 'raidId',
  }),
  VolunteerSessionHeld: defineEvent({
    type: 'VolunteerSessionHeld',
    topic: TOPICS.outreach,
    description: 'A session of the volunteer club.',
    schema: VolunteerSessionHeldV1,
    key: 'sessionId',
  }),

  ReportSubmitted: defineEvent({
    type: 'ReportSubmitted',
    topic: TOPICS.statistics,
    description: 'A reviewed report was submitted; its figures are frozen in the statistics service.',
    schema: ReportSubmittedV2,
    previous: [{ version: 1, schema: ReportSubmittedV1, upcast: (payload: z.infer<typeof ReportSubmittedV1>) => payload }],
    key: 'reportId',
  }),
  CoordinationMeetingAttended: defineEvent({
    type: 'CoordinationMeetingAttended',
    topic: TOPICS.outreach,
    description: 'The NGO attended a meeting of a coordination body (the Interdepartmental Commission on trafficking, a regional commission, a working group); its agenda by category.',
    schema: CoordinationMeetingAttendedV1,
    key: 'meetingId',
  }),
  AgreementSigned: defineEvent({
    type: 'AgreementSigned',
    topic: TOPICS.outreach,
    description: 'An agreement or memorandum was signed with a partner: its party by type, what it covers and until when.',
    schema: AgreementSignedV1,
    key: 'agreementId',
  }),
  ShelterAdmissionRequested: defineEvent({
    type: 'ShelterAdmissionRequested',
    topic: TOPICS.social,
    description: "A victim's case was referred to a shelter: the request waits in the region's admission queue.",
    schema: ShelterAdmissionRequestedV1,
    key: 'caseId',
  }),
  ResidentAdmitted: defineEvent({
    type: 'ResidentAdmitted',
    topic: TOPICS.social,
    description: 'A stay began in one of the organisation’s shelters, which the event names by its id only.',
    schema: ResidentAdmittedV1,
    key: 'caseId',
  }),
  ResidentDischarged: defineEvent({
    type: 'ResidentDischarged',
    topic: TOPICS.social,
    description: 'A stay in a shelter ended: the nights it lasted and how it ended (repatriated, reunited with family, resettled, left).',
    schema: ResidentDischargedV1,
    key: 'caseId',
  }),
  BasicAssistanceGiven: defineEvent({
    type: 'BasicAssistanceGiven',
    topic: TOPICS.social,
    description: 'Basic assistance (food, clothing, hygiene, medical care, transport, documents, cash) was given to a victim, by kind.',
    schema: BasicAssistanceGivenV1,
    key: 'caseId',
  }),
  AftercareContactMade: defineEvent({
    type: 'AftercareContactMade',
    topic: TOPICS.social,
    description: 'A social worker followed up a former resident after the stay.',
    schema: AftercareContactMadeV1,
    key: 'caseId',
  }),
  ShelterTherapySessionHeld: defineEvent({
    type: 'ShelterTherapySessionHeld',
    topic: TOPICS.social,
    description: 'A therapy session (individual, group or art) was held at the shelter, linked to the rehabilitation plan where there is one.',
    schema: ShelterTherapySessionHeldV1,
    key: 'caseId',
  }),
} as const;

export type EventCatalogue = typeof EVENT_CATALOGUE;
export type EventType = keyof EventCatalogue;
export type EventPayload<T extends EventType> = Readonly<z.infer<EventCatalogue[T]['schema']>>;

/** Every domain event as a discriminated union on `type`. */
export type DomainEvent = { [T in EventType]: { readonly type: T; readonly payload: EventPayload<T> } }[EventType];
export type DomainEventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

export function eventDefinition(type: string): EventDefinition | undefined {
  return Object.hasOwn(EVENT_CATALOGUE, type) ? (EVENT_CATALOGUE[type as EventType] as EventDefinition) : undefined;
}

export const latestVersion = (definition: EventDefinition): number => definition.previous.length + 1;

/** Makes a `switch` over event types fail to compile when a new event is not handled. */
export function assertNever(value: never): never {
  throw new Error(`unhandled event: ${JSON.stringify(value)}`);
}
