import type { EventEnvelope } from '@qorgau/contracts';
import type { SqlClient } from './sql-client';

/**
 * Claims events for a consumer inside the transaction that applies them (table processed_event):
 * returns, in order, only those never applied before. Because the claim commits with the change,
 * an event delivered twice — a relay re-send, a rebalance, a replayed offset — is applied once.
 */
export async function claimNewEvents<E extends Pick<EventEnvelope, 'id'>>(tx: SqlClient, consumer: string, events: readonly E[]): Promise<E[]> {
  const firstOfEach = new Map<string, E>();
  for (const event of events) if (!firstOfEach.has(event.id)) firstOfEach.set(event.id, event);
  if (firstOfEach.size === 0) return [];
  const claimed = await tx.$queryRawUnsafe<{ event_id: string }[]>(
    `INSERT INTO processed_event (consumer, event_id)
     SELECT $1, id FROM unnest($2::uuid[]) AS id
     ON CONFLICT DO NOTHING
     RETURNING event_id::text AS event_id`,
    consumer,
    [...firstOfEach.keys()],
  );
  const fresh = new Set(claimed.map((row) => row.event_id));
  return [...firstOfEach.values()].filter((event) => fresh.has(event.id));
}
