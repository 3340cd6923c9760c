import type { EventPayload } from '@qorgau/contracts';
import { specification } from '@qorgau/testing';
import { giveConsultation, type GiveConsultation } from './consultation.decider';

const consultation: EventPayload<'LegalConsultationGiven'> = {
  consultationId: '5b2e7d1c-8f3a-4e6b-9c1d-2a3b4c5d6e7f',
  givenAt: '2026-04-02T10:00:00.000Z',
  clientType: 'VICTIM',
  clientSex: 'FEMALE',
  clientAgeBand: 'AGE_25_34',
  topics: ['DOCUMENTS'],
  outcome: 'DOCUMENTS_DRAFTED',
};
// A consultation is a new record: nothing about the client comes before it.
const lawyer = specification((_before: null, command: GiveConsultation) => giveConsultation(command)).given(null);

describe('a legal consultation', () => {
  it('is announced with its categories only, whether or not the client gave a name or contact', () => {
    lawyer.when({ consultation, identityGiven: { clientName: true, clientContact: true } }).then([{ type: 'LegalConsultationGiven', payload: consultation }]);
    lawyer.when({ consultation, identityGiven: { clientName: false, clientContact: false } }).then([{ type: 'LegalConsultationGiven', payload: consultation }]);
  });
});
