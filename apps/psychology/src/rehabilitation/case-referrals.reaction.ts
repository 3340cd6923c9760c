import { Controller } from '@nestjs/common';
import type { DomainEvent, EventPayload } from '@qorgau/contracts';
import { WorkOnReferral } from '@qorgau/service-kit';

/** A case referred to psychology in intake opens the victim's rehabilitation plan here. */
@Controller()
export class CaseReferralsReaction extends WorkOnReferral {
  protected readonly destination = 'PSYCHOLOGY' as const;
  protected readonly producer = 'psychology';
  protected readonly table = 'rehabilitation_plan';

  protected opened(planId: string, referral: EventPayload<'CaseReferred'>): DomainEvent {
    return { type: 'RehabilitationPlanOpened', payload: { planId, caseId: referral.caseId, referralId: referral.referralId, openedAt: referral.referredAt } };
  }
}
