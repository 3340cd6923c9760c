import { randomUUID } from 'node:crypto';
import type { DomainEvent } from './event-catalogue';

// One valid example of every event type, for the contract tests: a new type without an example
// does not compile, so it cannot skip the round-trip and indicator checks.

export const CASE_ID = randomUUID();
export const AT = '2026-11-22T10:00:00.000Z';
const subject = { subjectSex: 'FEMALE', subjectAgeBand: 'AGE_18_24', citizenship: 'UZ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER' } as const;
const articles = ['128.3'];

export const EVENT_EXAMPLES: { [T in DomainEvent['type']]: Extract<DomainEvent, { type: T }> } = {
  HotlineCallLogged: {
    type: 'HotlineCallLogged',
    payload: {
      callId: randomUUID(),
      receivedAt: AT,
      channel: 'VOICE_CALL',
      callerSex: 'FEMALE',
      callerAgeBand: 'AGE_18_24',
      callerCategory: 'PREPARING_TO_TRAVEL_ABROAD',
      topics: ['EMPLOYMENT_ABROAD'],
      destinationCountry: 'TR',
      referrals: ['LEGAL'],
      anonymous: true,
    },
  },
  CaseOpened: { type: 'CaseOpened', payload: { caseId: CASE_ID, openedAt: AT, ...subject } },
  VictimIdentified: { type: 'VictimIdentified', payload: { caseId: CASE_ID, identifiedAt: AT, identifiedBy: 'POLICE', ...subject } },
  CaseReferred: { type: 'CaseReferred', payload: { caseId: CASE_ID, referralId: randomUUID(), destination: 'SHELTER', referredAt: AT } },
  ConsentRecorded: { type: 'ConsentRecorded', payload: { caseId: CASE_ID, recordedAt: AT, services: true, externalReferral: false, reporting: true } },
  CaseClosed: { type: 'CaseClosed', payload: { caseId: CASE_ID, closedAt: AT, reason: 'RETURNED_HOME' } },
  VictimDataErased: { type: 'VictimDataErased', payload: { caseId: CASE_ID, erasedAt: AT } },
  LegalConsultationGiven: {
    type: 'LegalConsultationGiven',
    payload: { consultationId: randomUUID(), givenAt: AT, clientType: 'PERSON_AT_RISK', clientSex: 'MALE', clientAgeBand: 'AGE_25_34', topics: ['LABOUR_CONTRACT_REVIEW'], outcome: 'ADVICE_GIVEN' },
  },
  LegalAssistanceOpened: { type: 'LegalAssistanceOpened', payload: { assistanceId: randomUUID(), caseId: CASE_ID, referralId: randomUUID(), openedAt: AT } },
  LegalAssistanceProvided: { type: 'LegalAssistanceProvided', payload: { assistanceId: randomUUID(), caseId: CASE_ID, kind: 'DOCUMENTS_RESTORED', providedAt: AT } },
  VictimRepatriated: { type: 'VictimRepatriated', payload: { assistanceId: randomUUID(), caseId: CASE_ID, repatriatedAt: AT, country: 'UZ', embassyInvolved: true } },
  AgencyComplaintFiled: { type: 'AgencyComplaintFiled', payload: { complaintId: randomUUID(), filedAt: AT, agencyType: 'EMPLOYMENT_AGENCY' } },
  AgencyComplaintDecided: { type: 'AgencyComplaintDecided', payload: { complaintId: randomUUID(), decidedAt: AT, agencyType: 'EMPLOYMENT_AGENCY', decision: 'LICENCE_REVOKED' } },
  CriminalProceedingOpened: { type: 'CriminalProceedingOpened', payload: { proceedingId: randomUUID(), caseId: CASE_ID, openedAt: AT, stage: 'COMPLAINT', articles } },
  CriminalProceedingAdvanced: { type: 'CriminalProceedingAdvanced', payload: { proceedingId: randomUUID(), caseId: CASE_ID, advancedAt: AT, stage: 'INVESTIGATION', articles } },
  VerdictDelivered: { type: 'VerdictDelivered', payload: { proceedingId: randomUUID(), caseId: CASE_ID, deliveredAt: AT, verdict: 'CONVICTION', sentenceYears: 8, articles } },
  PsychologicalConsultationGiven: {
    type: 'PsychologicalConsultationGiven',
    payload: { consultationId: randomUUID(), givenAt: AT, clientType: 'VICTIM', clientSex: 'FEMALE', clientAgeBand: 'AGE_18_24', format: 'IN_PERSON', presentingIssues: ['TRAUMA'], anonymous: true },
  },
  RehabilitationPlanOpened: { type: 'RehabilitationPlanOpened', payload: { planId: randomUUID(), caseId: CASE_ID, referralId: null, openedAt: AT } },
  RehabilitationAssessed: { type: 'RehabilitationAssessed', payload: { planId: randomUUID(), caseId: CASE_ID, assessedAt: AT } },
  RehabilitationSessionHeld: { type: 'RehabilitationSessionHeld', payload: { planId: randomUUID(), caseId: CASE_ID, heldAt: AT, format: 'IN_PERSON' } },
  RehabilitationEnded: { type: 'RehabilitationEnded', payload: { planId: randomUUID(), caseId: CASE_ID, endedAt: AT, outcome: 'COMPLETED', sessions: 6 } },
  CoordinationMeetingAttended: {
    type: 'CoordinationMeetingAttended',
    payload: { meetingId: randomUUID(), heldAt: AT, body: 'INTERDEPARTMENTAL_COMMISSION', topics: ['VICTIM_PROTECTION', 'LEGISLATION'] },
  },
  AgreementSigned: { type: 'AgreementSigned', payload: { agreementId: randomUUID(), signedAt: AT, partyType: 'LAW_ENFORCEMENT', scope: ['REFERRAL'], expiresOn: '2028-12-31' } },
  ShelterAdmissionRequested: { type: 'ShelterAdmissionRequested', payload: { admissionId: randomUUID(), caseId: CASE_ID, referralId: randomUUID(), requestedAt: AT } },
  ResidentAdmitted: { type: 'ResidentAdmitted', payload: { admissionId: randomUUID(), caseId: CASE_ID, shelterId: randomUUID(), admittedAt: AT } },
  ResidentDischarged: {
    type: 'ResidentDischarged',
    payload: { admissionId: randomUUID(), caseId: CASE_ID, shelterId: randomUUID(), dischargedAt: AT, nights: 42, exit: 'REUNITED_WITH_FAMILY', country: null, resettledIn: null },
  },
  BasicAssistanceGiven: { type: 'BasicAssistanceGiven', payload: { assistanceId: randomUUID(), caseId: CASE_ID, kind: 'MEDICAL_CARE', givenAt: AT, duringStay: true } },
  AftercareContactMade: { type: 'AftercareContactMade', payload: { contactId: randomUUID(), admissionId: randomUUID(), caseId: CASE_ID, contactedAt: AT } },
  ShelterTherapySessionHeld: {
    type: 'ShelterTherapySessionHeld',
    payload: { sessionId: randomUUID(), admissionId: randomUUID(), caseId: CASE_ID, kind: 'ART', heldAt: AT, planId: randomUUID() },
  },
  TrainingHeld: {
    type: 'TrainingHeld',
    payload: {
      trainingId: randomUUID(),
      heldAt: AT,
      siteType: 'SCHOOL',
      audience: 'PUPILS',
      participants: [
        { sex: 'FEMALE', ageBand: 'AGE_13_17', count: 14 },
        { sex: 'MALE', ageBand: 'AGE_13_17', count: 11 },
      ],
      hours: 2,
      withPartner: true,
    },
  },
  MaterialsDistributed: { type: 'MaterialsDistributed', payload: { distributionId: randomUUID(), distributedAt: AT, kind: 'BOOKLET', quantity: 500 } },
  MediaOutputPublished: { type: 'MediaOutputPublished', payload: { mediaId: randomUUID(), publishedAt: AT, kind: 'TV' } },
  RaidConducted: {
    type: 'RaidConducted',
    payload: {
      raidId: randomUUID(),
      conductedAt: AT,
      placeType: 'CONSTRUCTION_SITE',
      partnerAgency: 'MIGRATION_POLICE',
      personsScreened: 40,
      victims: [{ caseId: randomUUID(), sex: 'MALE', ageBand: 'AGE_25_34', citizenship: 'UZ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER' }],
    },
  },
  VolunteerSessionHeld: { type: 'VolunteerSessionHeld', payload: { sessionId: randomUUID(), heldAt: AT, volunteers: 12, hours: 2 } },
  ReportSubmitted: {
    type: 'ReportSubmitted',
    payload: { reportId: randomUUID(), submittedAt: AT, scope: 'KZ', periodKind: 'QUARTER', period: '2026-Q1', catalogueVersion: 2, figures: 120 },
  },
};
