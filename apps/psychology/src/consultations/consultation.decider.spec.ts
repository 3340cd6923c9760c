import type { EventPayload } from '@qorgau/contracts';
import { giveConsultation, type GiveConsultation } from './consultation.decider';

const consultation: EventPayload<'PsychologicalConsultationGiven'> = {
  consultationId: '6a1f4f0e-2f55-4c59-9d59-3f1a8f3f9c11',
  givenAt: '2026-04-02T10:00:00.000Z',
  clientType: 'VICTIM',
  clientSex: 'FEMALE',
  clientAgeBand: 'AGE_18_24',
  format: 'IN_PERSON',
  presentingIssues: ['TRAUMA'],
  anonymous: true,
};
const command = (anonymous: boolean, clientName: boolean, clientContact = false): GiveConsultation => ({ consultation: { ...consultation, anonymous }, identityGiven: { clientName, clientContact } });

describe('a psychological consultation', () => {
  it('is announced with its categories only', () => {
    expect(giveConsultation(command(true, false))).toEqual({ ok: true, value: [{ type: 'PsychologicalConsultationGiven', payload: consultation }] });
  });

  it('keeps a name or contact only when the client agreed to give up anonymity', () => {
    expect(giveConsultation(command(true, true))).toEqual({ ok: false, violations: [expect.objectContaining({ rule: 'anonymous-keeps-no-identity', field: 'clientName' })] });
    expect(giveConsultation(command(true, false, true))).toEqual({ ok: false, violations: [expect.objectContaining({ field: 'clientContact' })] });
    expect(giveConsultation(command(false, true, true)).ok).toBe(true);
  });
});
