import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@qorgau/contracts';
import { caseChanges } from './apply-events';

const envelope = (region: string, event: Pick<EventEnvelope, 'type' | 'payload'>): EventEnvelope =>
  ({ id: randomUUID(), schemaVersion: 1, occurredAt: '2026-11-22T10:00:00Z', region, producer: 'intake', correlationId: randomUUID(), causationId: null, ...event }) as EventEnvelope;

describe("a batch's changes to cases", () => {
  it('merges the events of one case into one row as the upsert would: earliest months, first outcome, the region of CaseOpened, the latest consent', () => {
    const caseId = randomUUID();
    const other = randomUUID();
    const { progress, consents, steps } = caseChanges(
      [
        // Read out of order, as topics of several services are: legal's event before intake's opening.
        envelope('KZ-71', { type: 'LegalAssistanceOpened', payload: { caseId, assistanceId: randomUUID(), referralId: randomUUID(), openedAt: '2026-04-02T08:00:00Z' } }),
        envelope('KZ-79', {
          type: 'CaseOpened',
          payload: {
            caseId,
            openedAt: '2026-03-01T08:00:00Z',
            subjectSex: 'FEMALE',
            subjectAgeBand: 'AGE_18_24',
            citizenship: 'UZ',
            exploitationForm: 'LABOUR',
            scope: 'CROSS_BORDER',
          },
        }),
        envelope('KZ-79', { type: 'CaseReferred', payload: { caseId, referralId: randomUUID(), destination: 'LEGAL', referredAt: '2026-03-20T08:00:00Z' } }),
        envelope('KZ-79', { type: 'CaseClosed', payload: { caseId, closedAt: '2026-06-02T08:00:00Z', reason: 'RETURNED_HOME' } }),
        envelope('KZ-79', { type: 'ConsentRecorded', payload: { caseId, recordedAt: '2026-03-01T08:00:00Z', services: true, externalReferral: false, reporting: true } }),
        envelope('KZ-79', { type: 'ConsentRecorded', payload: { caseId, recordedAt: '2026-03-02T08:00:00Z', services: true, externalReferral: false, reporting: false } }),
        envelope('KZ-63', { type: 'CaseReferred', payload: { caseId: other, referralId: randomUUID(), destination: 'SHELTER', referredAt: '2026-05-20T08:00:00Z' } }),
      ],
      'UTC',
    );
    expect(progress).toHaveLength(2);
    expect(progress.find((p) => p.caseId === caseId)).toMatchObject({
      region: 'KZ-79',
      openedMonth: '2026-03',
      assistedMonth: '2026-03',
      closedMonth: '2026-06',
      outcome: 'RETURNED_HOME',
    });
    expect(progress.find((p) => p.caseId === other)).toMatchObject({ region: 'KZ-63', assistedMonth: '2026-05' });
    // Rows in one order, so batches applied side by side lock shared rows alike.
    expect(progress.map((p) => p.caseId)).toEqual([caseId, other].sort());
    expect(consents).toEqual([{ caseId, region: 'KZ-79', reporting: false }]);
    expect(steps.map((s) => s.step)).toEqual(['LEGAL_ASSISTANCE_OPENED', 'OPENED', 'REFERRED_TO_LEGAL', 'CLOSED_RETURNED_HOME', 'REFERRED_TO_SHELTER']);
  });
});
