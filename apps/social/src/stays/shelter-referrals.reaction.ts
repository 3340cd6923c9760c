import { Controller } from '@nestjs/common';
import type { DomainEvent, EventPayload } from '@qorgau/contracts';
import { WorkOnReferral } from '@qorgau/service-kit';

/**
 * A case referred to a shelter in intake waits in the region's admission queue here. A victim may
 * need a shelter again after leaving one: a referral after discharge opens a new stay.
 */
@Controller()
export class ShelterReferralsReaction extends WorkOnReferral {
  protected readonly destination = 'SHELTER' as const;
  protected readonly producer = 'social';
  protected readonly table = 'stay';
  protected override readonly stillOpen = 'discharged_at IS NULL';

  protected opened(admissionId: string, referral: EventPayload<'CaseReferred'>): DomainEvent {
    return { type: 'ShelterAdmissionRequested', payload: { admissionId, caseId: referral.caseId, referralId: referral.referralId, requestedAt: referral.referredAt } };
  }
}
