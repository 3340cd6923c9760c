import type { Kafka } from 'kafkajs';
import { DOMAIN_TOPICS } from '@qorgau/contracts';
import { delay, ensureTopics, type MessagingLogger } from '@qorgau/messaging';
import type { ProjectionPrisma } from '../database/projection-prisma';
import { generationConsumer } from './generation-consumer';
import type { ProjectionConfig } from '../projection.config';
import { Generations } from './generations';

export interface RebuildResult {
  readonly generation: number;
  readonly eventsApplied: number;
  readonly seconds: number;
}

/**
 * Replays every domain topic from the beginning into a fresh generation. When it has read up to
 * where the topics ended at its start, it makes that generation the active one; the live service
 * follows within a second and carries on from the rebuild's offsets. Reads never stop: until the
 * switch they come from the old generation.
 */
export async function rebuildProjection(kafka: Kafka, prisma: ProjectionPrisma, config: ProjectionConfig, logger: MessagingLogger, options: { timeoutMs?: number } = {}): Promise<RebuildResult> {
  const started = Date.now();
  await ensureTopics(kafka, DOMAIN_TOPICS, { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_REPLICATION_FACTOR });
  const targets = await endOffsets(kafka);
  const generations = new Generations(prisma, config.PROJECTION_CONSUMER_GROUP);
  const building = await generations.startBuilding();
  logger.log(`rebuilding into generation ${building.generation} up to ${[...targets].map(([k, v]) => `${k}@${v}`).join(', ') || 'empty topics'}`);

  const reached = new Map<string, bigint>();
  const consumer = generationConsumer(kafka, prisma, building, {
    timeZone: config.REPORTING_TIME_ZONE,
    logger,
    onProgress: (topic, partition, next) => reached.set(`${topic}:${partition}`, next),
  });
  try {
    await consumer.start();
    const deadline = started + (options.timeoutMs ?? 30 * 60_000);
    while (![...targets].every(([partition, end]) => (reached.get(partition) ?? 0n) >= end)) {
      if (Date.now() > deadline) throw new Error('rebuild did not catch up in time');
      await delay(50);
    }
    await consumer.stop();
    await generations.activate(building.generation);
  } catch (error) {
    await consumer.stop();
    await generations.abandon(building.generation);
    throw error;
  }
  const [row] = await prisma.$queryRawUnsafe<{ events_applied: bigint }[]>('SELECT events_applied FROM projection_generation WHERE generation = $1', building.generation);
  return { generation: building.generation, eventsApplied: Number(row?.events_applied ?? 0), seconds: (Date.now() - started) / 1000 };
}

/** "topic:partition" → the offset after the last message now in it, for non-empty partitions. */
async function endOffsets(kafka: Kafka): Promise<Map<string, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const targets = new Map<string, bigint>();
    for (const topic of DOMAIN_TOPICS) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(p.high) > BigInt(p.low)) targets.set(`${topic}:${p.partition}`, BigInt(p.high));
      }
    }
    return targets;
  } finally {
    await admin.disconnect();
  }
}
