import { metrics, type Attributes } from '@opentelemetry/api';

/**
 * What operators watch of the event pipeline, as OpenTelemetry metrics (exported for Prometheus at
 * METRICS_PORT's /metrics and over OTLP: libs/platform/src/telemetry). Attributes are consumer
 * groups, topics and partitions — never an event's content. Without a meter provider (unit tests)
 * every call is a no-op.
 */
const meter = metrics.getMeter('@qorgau/messaging');

const applied = meter.createCounter('qorgau.events.applied', { description: 'Events a consumer applied (rate: events applied per second)', unit: '{event}' });
const deadLettered = meter.createCounter('qorgau.events.dead_lettered', { description: 'Events a consumer sent to a dead-letter topic', unit: '{event}' });
const delay = meter.createHistogram('qorgau.events.delay', {
  description: "Seconds from an event's publication to Kafka to its application by a consumer",
  unit: 's',
  advice: { explicitBucketBoundaries: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] },
});

interface PartitionState {
  lag: number;
  freshness: number;
}
const partitions = new Map<string, { attributes: Attributes; state: PartitionState }>();

meter.createObservableGauge('qorgau.consumer.lag', { description: 'Messages between what a consumer group has applied and the end of the partition', unit: '{message}' }).addCallback((result) => {
  for (const { attributes, state } of partitions.values()) result.observe(state.lag, attributes);
});
meter
  .createObservableGauge('qorgau.consumer.freshness', {
    description: 'Seconds from publication to application of the newest event a consumer applied: how far behind the facts its views are while it has lag, its usual delay when it has none',
    unit: 's',
  })
  .addCallback((result) => {
    for (const { attributes, state } of partitions.values()) result.observe(state.freshness, attributes);
  });

/** After a batch: how many events were applied, how far behind the partition's end it left the group, and how fresh. */
export function recordBatch(group: string, topic: string, partition: number, batch: { applied: number; lag: number; newestPublishedAt: number | null }): void {
  const attributes = { 'messaging.consumer.group.name': group, 'messaging.destination.name': topic, 'messaging.destination.partition.id': String(partition) };
  const key = `${group}\u0000${topic}\u0000${partition}`;
  const entry = partitions.get(key) ?? { attributes, state: { lag: 0, freshness: 0 } };
  entry.state.lag = batch.lag;
  if (batch.newestPublishedAt !== null) {
    entry.state.freshness = Math.max(0, (Date.now() - batch.newestPublishedAt) / 1000);
    delay.record(entry.state.freshness, { 'messaging.consumer.group.name': group, 'messaging.destination.name': topic });
  }
  partitions.set(key, entry);
  if (batch.applied > 0) applied.add(batch.applied, { 'messaging.consumer.group.name': group, 'messaging.destination.name': topic });
}

export function recordDeadLetter(group: string, topic: string): void {
  deadLettered.add(1, { 'messaging.consumer.group.name': group, 'messaging.destination.name': topic });
}

const outboxes = new Set<() => Promise<{ pending: number; oldestAgeSeconds: number }>>();
const backlog = meter.createObservableGauge('qorgau.outbox.backlog', { description: 'Events written but not yet published to Kafka', unit: '{event}' });
const oldest = meter.createObservableGauge('qorgau.outbox.oldest_age', { description: 'Seconds the oldest unpublished event has waited in the outbox (0 when none waits)', unit: 's' });
meter.addBatchObservableCallback(
  async (result) => {
    for (const read of outboxes) {
      try {
        const { pending, oldestAgeSeconds } = await read();
        result.observe(backlog, pending);
        result.observe(oldest, oldestAgeSeconds);
      } catch {
        // The database is away: no figure rather than a wrong one; /health says so.
      }
    }
  },
  [backlog, oldest],
);

/** Reports a relay's outbox backlog and the age of its oldest unsent event at each collection, until the returned function is called. */
export function observeOutbox(read: () => Promise<{ pending: number; oldestAgeSeconds: number }>): () => void {
  outboxes.add(read);
  return () => outboxes.delete(read);
}
