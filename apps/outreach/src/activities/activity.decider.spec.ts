import type { EventPayload } from '@qorgau/contracts';
import { specification } from '@qorgau/testing';
import { conductRaid, holdTraining, signAgreement } from './activity.decider';

const victim = { caseId: '9d7c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d', sex: 'MALE', ageBand: 'AGE_25_34', citizenship: 'UZ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER' } as const;
const raid: EventPayload<'RaidConducted'> = {
  raidId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  conductedAt: '2026-03-10T17:00:00.000Z',
  placeType: 'CONSTRUCTION_SITE',
  partnerAgency: 'MIGRATION_POLICE',
  personsScreened: 2,
  victims: [victim],
};
// Activities are new records: nothing comes before them.
const raids = specification((_before: null, command: EventPayload<'RaidConducted'>) => conductRaid(command)).given(null);
const trainings = specification((_before: null, command: Parameters<typeof holdTraining>[0]) => holdTraining(command)).given(null);

describe('outreach activities', () => {
  it('a raid is announced with its victims by category, each with the case intake will open', () => {
    raids.when(raid).then([{ type: 'RaidConducted', payload: raid }]);
  });

  it('a raid lists no more victims than persons screened, naming the field', () => {
    raids.when({ ...raid, victims: [victim, victim, victim] }).thenRefused('victims-among-screened', 'victims');
  });

  it('a training says whether a partner took part, never who', () => {
    const training: Omit<EventPayload<'TrainingHeld'>, 'withPartner'> = {
      trainingId: raid.raidId,
      heldAt: raid.conductedAt,
      siteType: 'SCHOOL',
      audience: 'PUPILS',
      participants: [{ sex: 'FEMALE', ageBand: 'AGE_13_17', count: 12 }],
      hours: 2,
    };
    trainings.when({ ...training, partner: 'Youth centre "Zhastar"' }).then([{ type: 'TrainingHeld', payload: { ...training, withPartner: true } }]);
    trainings.when({ ...training, partner: undefined }).then([{ type: 'TrainingHeld', payload: { ...training, withPartner: false } }]);
  });

  it('an agreement is announced with its partner by type, and cannot end before it was signed', () => {
    const agreements = specification((_before: null, command: EventPayload<'AgreementSigned'>) => signAgreement(command)).given(null);
    const agreement: EventPayload<'AgreementSigned'> = { agreementId: raid.raidId, signedAt: '2026-03-10T05:00:00.000Z', partyType: 'LAW_ENFORCEMENT', scope: ['REFERRAL'], expiresOn: '2028-03-10' };
    agreements.when(agreement).then([{ type: 'AgreementSigned', payload: agreement }]);
    agreements.when({ ...agreement, expiresOn: '2026-03-09' }).thenRefused('ends-after-signing', 'expiresOn');
  });
});
