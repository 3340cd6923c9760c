import type { DomainEventOf, EventPayload } from '@qorgau/contracts';
import { accept, refuse, type Decision } from '@qorgau/domain';

/**
 * What each outreach activity announces. Nothing here names a person: a training counts its
 * participants by sex and age band, a raid describes its victims by category, and the free text
 * (a site's or an outlet's name, the partner) stays in outreach's records.
 */
type Announced<T extends 'TrainingHeld' | 'MaterialsDistributed' | 'MediaOutputPublished' | 'RaidConducted' | 'VolunteerSessionHeld' | 'CoordinationMeetingAttended' | 'AgreementSigned'> = Decision<
  readonly [DomainEventOf<T>]
>;

export function holdTraining(training: Omit<EventPayload<'TrainingHeld'>, 'withPartner'> & { readonly partner: string | null | undefined }): Announced<'TrainingHeld'> {
  const { partner, ...categories } = training;
  return accept([{ type: 'TrainingHeld', payload: { ...categories, withPartner: Boolean(partner) } }] as const);
}

export function distributeMaterials(distribution: EventPayload<'MaterialsDistributed'>): Announced<'MaterialsDistributed'> {
  return accept([{ type: 'MaterialsDistributed', payload: distribution }] as const);
}

export function publishMedia(media: EventPayload<'MediaOutputPublished'>): Announced<'MediaOutputPublished'> {
  return accept([{ type: 'MediaOutputPublished', payload: media }] as const);
}

/** A raid identifies no more victims than it screened persons; each victim comes with the id of the case intake will open. */
export function conductRaid(raid: EventPayload<'RaidConducted'>): Announced<'RaidConducted'> {
  if (raid.victims.length > raid.personsScreened) return refuse({ rule: 'victims-among-screened', field: 'victims', message: 'cannot list more victims than persons screened' });
  return accept([{ type: 'RaidConducted', payload: raid }] as const);
}

export function holdVolunteerSession(session: EventPayload<'VolunteerSessionHeld'>): Announced<'VolunteerSessionHeld'> {
  return accept([{ type: 'VolunteerSessionHeld', payload: session }] as const);
}

export function attendMeeting(meeting: EventPayload<'CoordinationMeetingAttended'>): Announced<'CoordinationMeetingAttended'> {
  return accept([{ type: 'CoordinationMeetingAttended', payload: { ...meeting, topics: [...new Set(meeting.topics)] } }] as const);
}

/** An agreement cannot end before it was signed. */
export function signAgreement(agreement: EventPayload<'AgreementSigned'>): Announced<'AgreementSigned'> {
  if (agreement.expiresOn && agreement.expiresOn < agreement.signedAt.slice(0, 10)) return refuse({ rule: 'ends-after-signing', field: 'expiresOn', message: 'cannot end before it was signed' });
  return accept([{ type: 'AgreementSigned', payload: { ...agreement, scope: [...new Set(agreement.scope)] } }] as const);
}
