import type { DomainEventOf, EventPayload } from '@qorgau/contracts';
import { accept, type Decision } from '@qorgau/domain';

/** A legal consultation to record: its categories, and which parts of the client's identity were given. */
export interface GiveConsultation {
  readonly consultation: EventPayload<'LegalConsultationGiven'>;
  readonly identityGiven: { readonly clientName: boolean; readonly clientContact: boolean };
}

/**
 * A legal consultation is announced with its categories only; the client may give a name or a
 * contact or neither (the request's shape already holds every other rule), and what they gave stays
 * sealed in legal.
 */
export function giveConsultation(command: GiveConsultation): Decision<readonly [DomainEventOf<'LegalConsultationGiven'>]> {
  return accept([{ type: 'LegalConsultationGiven', payload: command.consultation }] as const);
}
