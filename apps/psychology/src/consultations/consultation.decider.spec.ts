import type { EventPayload } from '@qorgau/contracts';
import { specification } from '@qorgau/testing';
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
// A consultation is a new record: nothing about the client comes before it.
const psychologist = specification((_before: null, command: GiveConsultation) => giveConsultation(command)).given(null);

describe('a psychological consultation', () => {
  it('is announced with its categories only', () => {
    psychologist.when(command(true, false)).then([{ type: 'PsychologicalConsultationGiven', payload: consultation }]);
  });

  it('keeps a name or contact only when the client agreed to give up anonymity', () => {
    psychologist.when(command(true, true)).thenRefused('anonymous-keeps-no-identity', 'clientName');
    psychologist.when(command(true, false, true)).thenRefused('anonymous-keeps-no-identity', 'clientContact');
    psychologist.when(command(false, true, true)).then([{ type: 'PsychologicalConsultationGiven', payload: { ...consultation, anonymous: false } }]);
  });
});
