import type { EncodedEvent } from '@qorgau/contracts';
import type { SqlClient } from './sql-client';
import { currentTraceHeaders } from './trace-context';

/**
 * Writes events into the service's outbox_event table inside the caller's transaction, so the
 * rows a command changes and the events it announces commit or roll back together.
 */
export async function appendToOutbox(tx: SqlClient, events: readonly EncodedEvent[]): Promise<void> {
  if (events.length === 0) return;
  const traceHeaders = currentTraceHeaders();
  const values: unknown[] = [];
  const rows = events.map((event, i) => {
    values.push(event.id, event.topic, event.key, event.type, event.value, JSON.stringify({ ...event.headers, ...traceHeaders }));
    const p = i * 6;
    return `($${p + 1}::uuid, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}::jsonb)`;
  });
  await tx.$executeRawUnsafe(`INSERT INTO outbox_event (event_id, topic, key, type, value, headers) VALUES ${rows.join(', ')}`, ...values);
}
