import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import type { DomainEvent, EventPayload, RegionCode } from '@qorgau/contracts';
import type { SqlClient } from '@qorgau/messaging';
import { WorkOnReferral } from '@qorgau/service-kit';
import type { PsychologyTx } from '../database/psychology-prisma';

/** A case referred to psychology in intake opens the victim's rehabilitation plan here. */
@Controller()
export class CaseReferralsReaction extends WorkOnReferral {
  protected readonly destination = 'PSYCHOLOGY' as const;
  protected readonly producer = 'psychology';

  protected async open(db: SqlClient, referral: EventPayload<'CaseReferred'>, region: RegionCode): Promise<DomainEvent | null> {
    const tx = db as PsychologyTx;
    if (await tx.rehabilitationPlan.findUnique({ where: { caseId: referral.caseId }, select: { id: true } })) return null;
    const planId = randomUUID();
    await tx.rehabilitationPlan.create({ data: { id: planId, caseId: referral.caseId, region, referralId: referral.referralId, openedAt: new Date(referral.referredAt) } });
    return { type: 'RehabilitationPlanOpened', payload: { planId, caseId: referral.caseId, referralId: referral.referralId, openedAt: referral.referredAt } };
  }
}
