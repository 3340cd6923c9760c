import { randomUUID } from 'node:crypto';
import { Ctx, Payload } from '@nestjs/microservices';
import type { DomainEvent, EventPayload, NewEvent, ReferralDestination } from '@qorgau/contracts';
import { caused } from './announce';
import { EventContext, EventPattern, type EventOf } from './domain-events';

/**
 * A case referred in intake to this service opens the service's work item on it (a lawyer's
 * assistance, a rehabilitation plan, a shelter stay). A referral delivered twice opens nothing new,
 * and neither does a second referral while the case's item is still open (`stillOpen`). A new item
 * of a case takes its person's key from the earlier ones, so an erasure reaches all of them, and a
 * person erased before stays erased.
 */
export abstract class WorkOnReferral {
  protected abstract readonly destination: ReferralDestination;
  protected abstract readonly producer: string;
  /** The table of the work items: id, case_id, region, referral_id, opened_at, person_key_id. */
  protected abstract readonly table: string;
  /**
   * SQL over the table's columns: true while an item keeps a new referral of its case from opening
   * another. Always, by default: a lawyer's or a psychologist's file on a case is one for good.
   */
  protected readonly stillOpen: string = 'TRUE';

  /** The event that announces a work item opened. */
  protected abstract opened(id: string, referral: EventPayload<'CaseReferred'>): DomainEvent;

  @EventPattern('CaseReferred')
  async onCaseReferred(@Payload() event: EventOf<'CaseReferred'>, @Ctx() context: EventContext): Promise<readonly NewEvent[]> {
    const referral = event.payload;
    if (referral.destination !== this.destination) return [];
    const id = randomUUID();
    // A case's referrals arrive in order on one partition, to one consumer: nothing races this check.
    const inserted = await context.tx.$queryRawUnsafe<{ id: string }[]>(
      `INSERT INTO ${this.table} (id, case_id, region, referral_id, opened_at, person_key_id)
       SELECT $1::uuid, $2::uuid, $3, $4::uuid, $5::timestamptz,
              (SELECT person_key_id FROM ${this.table} WHERE case_id = $2::uuid AND person_key_id IS NOT NULL ORDER BY opened_at DESC LIMIT 1)
       WHERE NOT EXISTS (SELECT 1 FROM ${this.table} WHERE case_id = $2::uuid AND (${this.stillOpen}))
       ON CONFLICT DO NOTHING RETURNING id::text AS id`,
      id,
      referral.caseId,
      event.region,
      referral.referralId,
      referral.referredAt,
    );
    return inserted.length > 0 ? caused(this.producer, event, this.opened(id, referral)) : [];
  }
}
