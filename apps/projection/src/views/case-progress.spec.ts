import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@qorgau/contracts';
import { progressFor } from './case-progress';

const CASE_ID = randomUUID();
const envelope = (event: Pick<EventEnvelope, 'type' | 'payload'>): EventEnvelope =>
  ({ id: randomUUID(), schemaVersion: 1, occurredAt: '2026-11-22T10:00:00Z', region: 'KZ-75', producer: 'intake', correlationId: randomUUID(), causationId: null, ...event }) as EventEnvelope;

describe('case progress', () => {
  it('marks the stage each case event reaches, by month, with no demographics', () => {
    expect(progressFor(envelope({ type: 'CaseReferred', payload: { caseId: CASE_ID, referralId: randomUUID(), destination: 'LEGAL', referredAt: '2026-03-02T08:00:00Z' } }), 'Asia/Almaty')).toEqual({
      caseId: CASE_ID,
      region: 'KZ-75',
      assistedMonth: '2026-03',
    });
    expect(progressFor(envelope({ type: 'CaseClosed', payload: { caseId: CASE_ID, closedAt: '2026-05-02T08:00:00Z', reason: 'RETURNED_HOME' } }), 'Asia/Almaty')).toMatchObject({
      closedMonth: '2026-05',
      outcome: 'RETURNED_HOME',
    });
  });

  it('ignores events that are not about a case’s stage', () => {
    expect(progressFor(envelope({ type: 'ConsentRecorded', payload: { caseId: CASE_ID, recordedAt: '2026-03-02T08:00:00Z', services: true, externalReferral: true, reporting: true } }), 'UTC')).toBeNull();
  });
});
