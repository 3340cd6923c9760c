import { Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DOMAIN_TOPICS } from '@qorgau/contracts';
import { startWhenKafkaAnswers, type EventConsumer } from '@qorgau/messaging';
import type { ProjectionPrisma } from '../database/projection-prisma';
import type { Generation, Generations } from './generations';
import type { ProjectionConfig } from '../projection.config';
import { generationConsumer } from './generation-consumer';

const logger = new Logger('LiveProjection');

/**
 * Keeps the active generation's consumer running: starts it (retrying while Kafka is away, without
 * holding up the read API), and follows a rebuild's switch to a new generation.
 */
export class LiveProjection {
  private consumer: EventConsumer | null = null;
  private current: Generation | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private switching: Promise<void> = Promise.resolve();
  private busy = false;
  /** Generation 1 exists (created once, on the first start; retried while the database is away). */
  private prepared = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly prisma: ProjectionPrisma,
    private readonly generations: Generations,
    private readonly config: ProjectionConfig,
  ) {}

  /**
   * Whether the views are being kept: the active generation's consumer has joined its group (it
   * stays true through a later broker outage, when the views are served as they stand, their
   * freshness shown), and how many events it was behind when last seen.
   */
  status(): { consuming: boolean; lag: number | null } {
    return this.consumer?.status() ?? { consuming: false, lag: null };
  }

  start(): void {
    this.stopped = false;
    const check = (): void => {
      if (this.busy) return;
      this.busy = true;
      this.switching = this.follow().finally(() => (this.busy = false));
    };
    check();
    this.timer = setInterval(check, this.config.GENERATION_CHECK_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.switching;
    await this.consumer?.stop();
    this.consumer = null;
  }

  private async follow(): Promise<void> {
    if (this.stopped) return;
    let active: Generation;
    try {
      if (!this.prepared) {
        await this.generations.ensureFirst();
        this.prepared = true;
      }
      active = await this.generations.active();
    } catch (error) {
      logger.warn(`cannot read the active generation (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    if (this.current?.generation === active.generation && this.consumer) return;
    if (this.consumer) {
      logger.log(`generation ${active.generation} is now active; switching from ${this.current?.generation}`);
      await this.consumer.stop();
      this.consumer = null;
    }
    this.current = active;
    await this.startConsumer(active);
  }

  private async startConsumer(generation: Generation): Promise<void> {
    this.consumer = await startWhenKafkaAnswers(this.kafka, {
      topics: DOMAIN_TOPICS,
      partitions: this.config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
      create: () => generationConsumer(this.kafka, this.prisma, generation, { timeZone: this.config.REPORTING_TIME_ZONE, logger }),
      stopped: () => this.stopped,
      logger,
    });
    if (this.consumer) logger.log(`consuming ${DOMAIN_TOPICS.join(', ')} into generation ${generation.generation}`);
  }
}
