import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import type { DomainEvent, EventPayload, RegionCode } from '@qorgau/contracts';
import type { SqlClient } from '@qorgau/messaging';
import { WorkOnReferral } from '@qorgau/service-kit';
import type { LegalTx } from '../database/legal-prisma';

/** A case referred to legal in intake opens the lawyer's work item on it here. */
@Controller()
export class CaseReferralsReaction extends WorkOnReferral {
  protected readonly destination = 'LEGAL' as const;
  protected readonly producer = 'legal';

  protected async open(db: SqlClient, referral: EventPayload<'CaseReferred'>, region: RegionCode): Promise<DomainEvent | null> {
    const tx = db as LegalTx;
    if (await tx.caseAssistance.findUnique({ where: { caseId: referral.caseId }, select: { id: true } })) return null;
    const assistanceId = randomUUID();
    await tx.caseAssistance.create({ data: { id: assistanceId, caseId: referral.caseId, region, referralId: referral.referralId, openedAt: new Date(referral.referredAt) } });
    return { type: 'LegalAssistanceOpened', payload: { assistanceId, caseId: referral.caseId, referralId: referral.referralId, openedAt: referral.referredAt } };
  }
}
