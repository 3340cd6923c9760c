import { Inject, Injectable, type Provider, type Type, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { EVENT_CATALOGUE, type EventEnvelope, type EventType, type NewEvent } from '@qorgau/contracts';
import { claimNewEvents, EventConsumer, startWhenKafkaAnswers, type SqlClient, type TransactionalOutbox } from '@qorgau/messaging';
import { SERVICE_CONFIG, type ServiceKitConfig } from './service-config';
import { KAFKA, OUTBOX, REACTIONS, SERVICE_NAME } from './tokens';

/**
 * How a service reacts to another service's events: the flows between services go only this way,
 * never through another service's database. A reaction writes its rows and returns the events it
 * causes; both commit in one transaction with the claim of the event, so a redelivered event
 * changes nothing. What it cannot handle goes to the dead-letter topic, with the reason.
 */
export interface EventReaction {
  /** The event types it reacts to; their topics are the ones the service consumes. */
  readonly reactsTo: readonly EventType[];
  react(tx: SqlClient, event: EventEnvelope): Promise<readonly NewEvent[]>;
}

const logger = new Logger('Reactions');

/** Runs one consumer group per service (`qorgau-<service>`) that feeds its reactions. */
@Injectable()
export class ReactionsHost implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer: EventConsumer | null = null;
  private stopped = false;
  private starting: Promise<void> = Promise.resolve();

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<SqlClient>,
    @Inject(REACTIONS) private readonly reactions: readonly EventReaction[],
    @Inject(SERVICE_CONFIG) private readonly config: ServiceKitConfig,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  onApplicationBootstrap(): void {
    if (this.reactions.length === 0) return;
    // Kafka may be down when an office starts work: the API comes up anyway and the consumer follows.
    this.starting = this.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.consumer?.stop();
  }

  /**
   * Applies a batch: each reaction sees the events of its types, once. Events no reaction wants
   * (most of a topic) are passed over without a transaction or a claim.
   */
  async handle(events: readonly EventEnvelope[]): Promise<void> {
    const wanted = events.filter((e) => this.reactions.some((r) => r.reactsTo.includes(e.type)));
    if (wanted.length === 0) return;
    await this.outbox.run(async (tx) => {
      const caused: NewEvent[] = [];
      for (const event of await claimNewEvents(tx, this.groupId, wanted)) {
        for (const reaction of this.reactions) if (reaction.reactsTo.includes(event.type)) caused.push(...(await reaction.react(tx, event)));
      }
      return { result: undefined, events: caused };
    });
  }

  private get groupId(): string {
    return `qorgau-${this.service}`;
  }

  private async start(): Promise<void> {
    const topics = [...new Set(this.reactions.flatMap((r) => r.reactsTo.map((type) => EVENT_CATALOGUE[type].topic)))];
    this.consumer = await startWhenKafkaAnswers(this.kafka, {
      topics,
      partitions: this.config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
      create: () => new EventConsumer(this.kafka, { groupId: this.groupId, topics, fromBeginning: true, logger, handleBatch: (events) => this.handle(events.map((e) => e.envelope)) }),
      stopped: () => this.stopped,
      logger,
    });
    if (this.consumer) logger.log(`${this.service} reacts to ${topics.join(', ')}`);
  }
}

/**
 * The providers that run a service's reactions, for the feature module whose use cases they call:
 * `providers: [CaseCommands, ...reactionsTo(RaidVictimsReaction)]`.
 */
export function reactionsTo(...reactions: Type<EventReaction>[]): Provider[] {
  return [...reactions, { provide: REACTIONS, inject: reactions, useFactory: (...instances: EventReaction[]) => instances }, ReactionsHost];
}
