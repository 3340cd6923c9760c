import type { DomainEventOf, EventPayload } from '@qorgau/contracts';
import { accept, refuse, type Decision } from '@qorgau/domain';

/** What a lawyer did on a case: documents restored, return home, representation, or a repatriation. */
export interface RecordAssistance {
  readonly assistanceId: string;
  readonly caseId: string;
  readonly kind: EventPayload<'LegalAssistanceProvided'>['kind'] | 'REPATRIATION';
  readonly at: string;
  readonly country: string | undefined;
  readonly embassyInvolved: boolean | undefined;
}

/** A repatriation names the country (and is announced as one); nothing else has a country or an embassy. */
export function recordAssistance(command: RecordAssistance): Decision<readonly [DomainEventOf<'LegalAssistanceProvided'> | DomainEventOf<'VictimRepatriated'>]> {
  const { assistanceId, caseId, kind, at, country, embassyInvolved } = command;
  if (kind === 'REPATRIATION') {
    if (!country) return refuse({ rule: 'repatriation-names-country', field: 'country', message: 'a repatriation names the country the victim returned to' });
    return accept([{ type: 'VictimRepatriated', payload: { assistanceId, caseId, repatriatedAt: at, country, embassyInvolved: embassyInvolved ?? false } }] as const);
  }
  if (country || embassyInvolved !== undefined) {
    return refuse({ rule: 'only-repatriation-has-country', field: country ? 'country' : 'embassyInvolved', message: 'only a repatriation has a country and an embassy' });
  }
  return accept([{ type: 'LegalAssistanceProvided', payload: { assistanceId, caseId, kind, providedAt: at } }] as const);
}
