import type { DomainEventOf, EventPayload } from '@qorgau/contracts';
import { accept, refuse, type Decision } from '@qorgau/domain';

/** A consultation to record: its categories, and which parts of the client's identity were given. */
export interface GiveConsultation {
  readonly consultation: EventPayload<'PsychologicalConsultationGiven'>;
  readonly identityGiven: { readonly clientName: boolean; readonly clientContact: boolean };
}

/** Anonymous by default: a name or contact is kept only when the client agreed (anonymous: false). */
export function giveConsultation(command: GiveConsultation): Decision<readonly [DomainEventOf<'PsychologicalConsultationGiven'>]> {
  const { consultation, identityGiven } = command;
  if (consultation.anonymous && (identityGiven.clientName || identityGiven.clientContact)) {
    return refuse({
      rule: 'anonymous-keeps-no-identity',
      field: identityGiven.clientName ? 'clientName' : 'clientContact',
      message: 'an anonymous consultation keeps no name or contact; set anonymous to false if the client agreed',
    });
  }
  return accept([{ type: 'PsychologicalConsultationGiven', payload: consultation }] as const);
}
