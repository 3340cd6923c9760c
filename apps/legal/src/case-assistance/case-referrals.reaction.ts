import { Controller } from '@nestjs/common';
import type { DomainEvent, EventPayload } from '@qorgau/contracts';
import { WorkOnReferral } from '@qorgau/service-kit';

/** A case referred to legal in intake opens the lawyer's work item on it here. */
@Controller()
export class CaseReferralsReaction extends WorkOnReferral {
  protected readonly destination = 'LEGAL' as const;
  protected readonly producer = 'legal';
  protected readonly table = 'case_assistance';

  protected opened(assistanceId: string, referral: EventPayload<'CaseReferred'>): DomainEvent {
    return { type: 'LegalAssistanceOpened', payload: { assistanceId, caseId: referral.caseId, referralId: referral.referralId, openedAt: referral.referredAt } };
  }
}
