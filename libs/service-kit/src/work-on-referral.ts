import { randomUUID } from 'node:crypto';
import { Ctx, Payload } from '@nestjs/microservices';
import type { DomainEvent, EventPayload, NewEvent, ReferralDestination } from '@qorgau/contracts';
import { caused } from './announce';
import { EventContext, EventPattern, type EventOf } from './domain-events';

/**
 * A case referred in intake to this service opens the service's work item on it (a lawyer's
 * assistance, a rehabilitation plan). One work item per case: a referral delivered twice, or a
 * second referral of the same case, opens nothing new.
 */
export abstract class WorkOnReferral {
  protected abstract readonly destination: ReferralDestination;
  protected abstract readonly producer: string;
  /** The table of the work items: id, case_id (unique), region, referral_id, opened_at. */
  protected abstract readonly table: string;

  /** The event that announces a work item opened. */
  protected abstract opened(id: string, referral: EventPayload<'CaseReferred'>): DomainEvent;

  @EventPattern('CaseReferred')
  async onCaseReferred(@Payload() event: EventOf<'CaseReferred'>, @Ctx() context: EventContext): Promise<readonly NewEvent[]> {
    const referral = event.payload;
    if (referral.destination !== this.destination) return [];
    const id = randomUUID();
    const inserted = await context.tx.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO ${this.table} (id, case_id, region, referral_id, opened_at) VALUES ($1::uuid, $2::uuid, $3, $4::uuid, $5::timestamptz)
       ON CONFLICT (case_id) DO NOTHING RETURNING id::text AS id`,
      id,
      referral.caseId,
      event.region,
      referral.referralId,
      referral.referredAt,
    );
    return inserted.length > 0 ? caused(this.producer, event, this.opened(id, referral)) : [];
  }
}
