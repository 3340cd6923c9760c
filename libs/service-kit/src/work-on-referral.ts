import { Ctx, Payload } from '@nestjs/microservices';
import type { DomainEvent, EventPayload, NewEvent, ReferralDestination, RegionCode } from '@qorgau/contracts';
import type { SqlClient } from '@qorgau/messaging';
import { caused } from './announce';
import { EventContext, EventPattern, type EventOf } from './domain-events';

/**
 * A case referred in intake to this service opens the service's work item on it (a lawyer's
 * assistance, a rehabilitation plan). One work item per case: `open` returns null when it exists.
 */
export abstract class WorkOnReferral {
  protected abstract readonly destination: ReferralDestination;
  protected abstract readonly producer: string;

  /** Opens the work item unless the case has one; returns the event that announces it. */
  protected abstract open(tx: SqlClient, referral: EventPayload<'CaseReferred'>, region: RegionCode): Promise<DomainEvent | null>;

  @EventPattern('CaseReferred')
  async onCaseReferred(@Payload() event: EventOf<'CaseReferred'>, @Ctx() context: EventContext): Promise<readonly NewEvent[]> {
    if (event.payload.destination !== this.destination) return [];
    const opened = await this.open(context.tx, event.payload, event.region);
    return opened ? caused(this.producer, event, opened) : [];
  }
}
