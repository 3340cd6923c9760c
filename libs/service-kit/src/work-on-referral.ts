import type { DomainEvent, EventEnvelope, EventPayload, NewEvent, ReferralDestination, RegionCode } from '@qorgau/contracts';
import type { SqlClient } from '@qorgau/messaging';
import { caused } from './announce';
import type { EventReaction } from './reactions';

/**
 * A case referred in intake to this service opens the service's work item on it (a lawyer's
 * assistance, a rehabilitation plan). One work item per case: `open` returns null when it exists.
 */
export abstract class WorkOnReferral implements EventReaction {
  readonly reactsTo = ['CaseReferred'] as const;
  protected abstract readonly destination: ReferralDestination;
  protected abstract readonly producer: string;

  /** Opens the work item unless the case has one; returns the event that announces it. */
  protected abstract open(tx: SqlClient, referral: EventPayload<'CaseReferred'>, region: RegionCode): Promise<DomainEvent | null>;

  async react(tx: SqlClient, event: EventEnvelope): Promise<readonly NewEvent[]> {
    if (event.type !== 'CaseReferred' || event.payload.destination !== this.destination) return [];
    const opened = await this.open(tx, event.payload, event.region);
    return opened ? caused(this.producer, event, opened) : [];
  }
}
