import { specification } from '@qorgau/testing';
import { decide, evolve, type CaseCommand, type CaseEvent, type VictimCase } from './victim-case.decider';

const NOW = new Date('2026-11-22T10:00:00Z');
const CASE_ID = '6f2a0c1e-1b7a-4f55-9d3e-2f7c9b1a0d11';
const REFERRAL_ID = '0c0ffee0-0000-4000-8000-000000000001';
const subject = { sex: 'FEMALE', ageBand: 'AGE_18_24', citizenship: 'UZ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER' } as const;

const victimCase = specification<VictimCase | null, CaseCommand, CaseEvent>({
  initialState: null,
  decide: (state, command) => decide(state, command, NOW),
  evolve: (state, event) => evolve(state, event, 'KZ-79'),
});

const opened: CaseEvent = {
  type: 'CaseOpened',
  payload: { caseId: CASE_ID, openedAt: '2026-11-01T09:00:00.000Z', subjectSex: 'FEMALE', subjectAgeBand: 'AGE_18_24', citizenship: 'UZ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER' },
};
const identified: CaseEvent = {
  type: 'VictimIdentified',
  payload: {
    caseId: CASE_ID,
    identifiedAt: '2026-11-01T09:00:00.000Z',
    identifiedBy: 'POLICE',
    subjectSex: 'FEMALE',
    subjectAgeBand: 'AGE_18_24',
    citizenship: 'UZ',
    exploitationForm: 'LABOUR',
    scope: 'CROSS_BORDER',
  },
};
const closed: CaseEvent = { type: 'CaseClosed', payload: { caseId: CASE_ID, closedAt: '2026-11-20T09:00:00.000Z', reason: 'RETURNED_HOME' } };

describe('a victim case', () => {
  it('opens with the subject described by categories only', () => {
    victimCase
      .given([])
      .when({ kind: 'OpenCase', caseId: CASE_ID, region: 'KZ-79', openedAt: new Date('2026-11-01T09:00:00Z'), subject, identifiedBy: null, consent: null })
      .then([opened]);
  });

  it('opens already identified when the identifying body is known', () => {
    victimCase
      .given([])
      .when({ kind: 'OpenCase', caseId: CASE_ID, region: 'KZ-79', openedAt: new Date('2026-11-01T09:00:00Z'), subject, identifiedBy: 'POLICE', consent: null })
      .then([opened, identified]);
  });

  it('is referred while open', () => {
    victimCase
      .given([opened])
      .when({ kind: 'ReferCase', referralId: REFERRAL_ID, destination: 'LEGAL', referredAt: new Date('2026-11-02T09:00:00Z') })
      .then([{ type: 'CaseReferred', payload: { caseId: CASE_ID, referralId: REFERRAL_ID, destination: 'LEGAL', referredAt: '2026-11-02T09:00:00.000Z' } }]);
  });

  it('cannot be referred outside the organisation without the victim’s consent', () => {
    victimCase.given([opened]).when({ kind: 'ReferCase', referralId: REFERRAL_ID, destination: 'SHELTER', referredAt: NOW }).thenRefused('consent-for-external-referral');
  });

  it('is referred outside the organisation once the victim consented', () => {
    const consented: CaseEvent = { type: 'ConsentRecorded', payload: { caseId: CASE_ID, recordedAt: '2026-11-02T09:00:00.000Z', services: true, externalReferral: true, reporting: false } };
    victimCase
      .given([opened, consented])
      .when({ kind: 'ReferCase', referralId: REFERRAL_ID, destination: 'EMBASSY', referredAt: NOW })
      .then([{ type: 'CaseReferred', payload: { caseId: CASE_ID, referralId: REFERRAL_ID, destination: 'EMBASSY', referredAt: NOW.toISOString() } }]);
  });

  it('cannot be referred once closed', () => {
    victimCase.given([opened, closed]).when({ kind: 'ReferCase', referralId: REFERRAL_ID, destination: 'SHELTER', referredAt: NOW }).thenRefused('closed-case-is-final');
  });

  it('cannot be closed twice', () => {
    victimCase.given([opened, closed]).when({ kind: 'CloseCase', reason: 'OTHER', closedAt: NOW }).thenRefused('closed-case-is-final');
  });

  it('identifies its victim once', () => {
    victimCase.given([opened, identified]).when({ kind: 'IdentifyVictim', identifiedBy: 'NGO', identifiedAt: NOW }).thenRefused('identified-once');
  });

  it('refuses a referral dated before the case was opened', () => {
    victimCase
      .given([opened])
      .when({ kind: 'ReferCase', referralId: REFERRAL_ID, destination: 'LEGAL', referredAt: new Date('2026-10-01T00:00:00Z') })
      .thenRefused('not-before-opening');
  });

  it('refuses dates in the future', () => {
    victimCase
      .given([opened])
      .when({ kind: 'CloseCase', reason: 'REINTEGRATED', closedAt: new Date('2027-01-01T00:00:00Z') })
      .thenRefused('not-in-future');
  });

  it('cannot act on a case that was never opened', () => {
    victimCase.given([]).when({ kind: 'CloseCase', reason: 'OTHER', closedAt: NOW }).thenRefused('case-exists');
  });

  it('folds its events into its current state', () => {
    const state = [opened, identified, closed].reduce<VictimCase | null>((s, e) => evolve(s, e, 'KZ-79'), null);
    expect(state).toMatchObject({ status: 'CLOSED', identifiedBy: 'POLICE', closureReason: 'RETURNED_HOME', region: 'KZ-79' });
  });
});
