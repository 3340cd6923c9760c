import type { Kafka } from 'kafkajs';
import { DOMAIN_TOPICS } from '@qorgau/contracts';
import { EventConsumer, type MessagingLogger } from '@qorgau/messaging';
import type { ProjectionPrisma } from '../database/projection-prisma';
import type { Generation } from './generations';
import { applyEvents } from './apply-events';

/** A consumer of every domain topic that feeds one generation of the views. */
export function generationConsumer(
  kafka: Kafka,
  prisma: ProjectionPrisma,
  generation: Generation,
  options: { timeZone: string; logger: MessagingLogger; onProgress?: (topic: string, partition: number, nextOffset: bigint) => void },
): EventConsumer {
  return new EventConsumer(kafka, {
    groupId: generation.consumerGroup,
    topics: DOMAIN_TOPICS,
    fromBeginning: true,
    // Each batch is one transaction of set-based upserts on rows taken in one order (mergeCells,
    // caseChanges): partitions can be applied side by side, and a replay reads them in parallel.
    partitionsConcurrently: 3,
    logger: options.logger,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    handleBatch: async (events) => {
      await applyEvents(prisma, generation, events, options.timeZone);
    },
  });
}
