import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@qorgau/contracts';
import { progressFor } from './case-progress';

const CASE_ID = randomUUID();
const envelope = (event: Pick<EventEnvelope, 'type' | 'payload'>): EventEnvelope =>
  ({ id: randomUUID(), schemaVersion: 1, occurredAt: '2026-11-22T10:00:00Z', region: 'KZ-79', producer: 'intake', correlationId: randomUUID(), causationId: null, ...event }) as EventEnvelope;

describe('case progress', () => {
  it('marks each stage in the month it was reached', () => {
    expect(progressFor(envelope({ type: 'CaseReferred', payload: { caseId: CASE_ID, referralId: randomUUID(), destination: 'SHELTER', referredAt: '2026-03-02T08:00:00Z' } }), 'UTC')).toEqual({
      update: { caseId: CASE_ID, region: 'KZ-79', assistedMonth: '2026-03' },
      step: { month: '2026-03', step: 'REFERRED_TO_SHELTER' },
    });
    expect(progressFor(envelope({ type: 'CaseClosed', payload: { caseId: CASE_ID, closedAt: '2026-05-02T08:00:00Z', reason: 'REINTEGRATED' } }), 'UTC')?.update).toEqual({
      caseId: CASE_ID,
      region: 'KZ-79',
      closedMonth: '2026-05',
      outcome: 'REINTEGRATED',
    });
  });

  it("shows legal's repatriation and psychology's completed rehabilitation in the case's progress", () => {
    const repatriated = progressFor(
      envelope({ type: 'VictimRepatriated', payload: { assistanceId: randomUUID(), caseId: CASE_ID, repatriatedAt: '2026-04-10T08:00:00Z', country: 'UZ', embassyInvolved: true } }),
      'UTC',
    );
    expect(repatriated).toEqual({
      update: { caseId: CASE_ID, region: 'KZ-79', assistedMonth: '2026-04', returnedMonth: '2026-04' },
      step: { month: '2026-04', step: 'REPATRIATED_TO_UZ_WITH_EMBASSY' },
    });
    const rehabilitated = progressFor(
      envelope({ type: 'RehabilitationEnded', payload: { planId: randomUUID(), caseId: CASE_ID, endedAt: '2026-06-10T08:00:00Z', outcome: 'COMPLETED', sessions: 8 } }),
      'UTC',
    );
    expect(rehabilitated).toEqual({ update: { caseId: CASE_ID, region: 'KZ-79', reintegratedMonth: '2026-06' }, step: { month: '2026-06', step: 'REHABILITATION_COMPLETED' } });
    const discontinued = progressFor(
      envelope({ type: 'RehabilitationEnded', payload: { planId: randomUUID(), caseId: CASE_ID, endedAt: '2026-06-10T08:00:00Z', outcome: 'DISCONTINUED', sessions: 2 } }),
      'UTC',
    );
    expect(discontinued?.update).toEqual({ caseId: CASE_ID, region: 'KZ-79' });
  });

  it('ignores what is not a stage of a case', () => {
    expect(
      progressFor(envelope({ type: 'ConsentRecorded', payload: { caseId: CASE_ID, recordedAt: '2026-03-02T08:00:00Z', services: true, externalReferral: true, reporting: true } }), 'UTC'),
    ).toBeNull();
    expect(
      progressFor(
        envelope({ type: 'CriminalProceedingOpened', payload: { proceedingId: randomUUID(), caseId: null, openedAt: '2026-03-02T08:00:00Z', stage: 'COMPLAINT', articles: ['128'] } }),
        'UTC',
      ),
    ).toBeNull();
  });
});
