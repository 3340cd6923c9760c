import type { DomainEvent, EventEnvelope, NewEvent, RegionCode } from '@qorgau/contracts';
import type { RequestContext } from '@qorgau/platform';

/** The events a request causes, ready for the outbox: its region, producer and correlation id. */
export function announce(producer: string, region: RegionCode, context: Pick<RequestContext, 'correlationId' | 'now'>, ...events: DomainEvent[]): NewEvent[] {
  return events.map((event) => ({ event, region, producer, occurredAt: context.now, correlationId: context.correlationId }));
}

/** The events a reaction causes: same region and correlation as the event it reacts to, which becomes their cause. */
export function caused(producer: string, cause: EventEnvelope, ...events: DomainEvent[]): NewEvent[] {
  return events.map((event) => ({ event, region: cause.region, producer, occurredAt: new Date(), correlationId: cause.correlationId, causationId: cause.id }));
}
