import { Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { TOPICS } from '@qorgau/contracts';
import { createKafka, ensureTopics, OutboxRelay, TransactionalOutbox } from '@qorgau/messaging';
import { IntakePrisma, type IntakeTx } from '../database/intake-prisma.service';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config';

export const KAFKA = Symbol('KAFKA');
export type IntakeOutbox = TransactionalOutbox<IntakeTx>;
export const INTAKE_OUTBOX = Symbol('INTAKE_OUTBOX');

const logger = new Logger('IntakeEvents');

@Global()
@Module({
  providers: [
    {
      provide: KAFKA,
      inject: [INTAKE_CONFIG],
      useFactory: (config: IntakeConfig): Kafka => createKafka({ brokers: config.KAFKA_BROKERS, clientId: 'qorgau-intake' }, logger),
    },
    {
      provide: OutboxRelay,
      inject: [IntakePrisma, KAFKA],
      useFactory: (prisma: IntakePrisma, kafka: Kafka) => new OutboxRelay(prisma, kafka, { logger }),
    },
    {
      provide: INTAKE_OUTBOX,
      inject: [IntakePrisma, OutboxRelay],
      useFactory: (prisma: IntakePrisma, relay: OutboxRelay): IntakeOutbox => new TransactionalOutbox<IntakeTx>(prisma, relay),
    },
  ],
  exports: [INTAKE_OUTBOX, OutboxRelay, KAFKA],
})
export class EventsModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly relay: OutboxRelay,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Kafka may be down when an office starts work: the API must come up anyway, so topic
    // creation is attempted in the background and the relay keeps events until it succeeds.
    ensureTopics(this.kafka, [TOPICS.intake], {
      partitions: this.config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
    }).catch((error: unknown) => logger.warn(`could not create topics yet (${error instanceof Error ? error.message : String(error)}); the outbox holds events until Kafka answers`));
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}
