import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnModuleDestroy, type Provider, type Type } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import { AuthModule, tokenVerifierOptions } from '@qorgau/auth';
import type { Topic } from '@qorgau/contracts';
import { createKafka, ensureTopics, kafkaConnection, OutboxRelay, TransactionalOutbox, type SqlClient, type TransactionalSqlClient } from '@qorgau/messaging';
import { AuditController } from './audit.controller';
import { ClientConsultations } from './client-consultations';
import { Commands } from './commands';
import { Imports } from './imports';
import { DomainEventsServer } from './domain-events';
import { ErasureReconciliation, ErasureReconciliationController } from './erasure-reconciliation';
import { KeyRotationController } from './key-rotation.controller';
import { HealthController } from './health.controller';
import { IdempotencyInterceptor } from './idempotency';
import { RefusalAudit } from './refusal-audit';
import { ErasePersonalData } from './erasure';
import { PersonalData } from './personal-data';
import { SERVICE_CONFIG, type ServiceKitConfig } from './service-config';
import { KAFKA, OUTBOX, PRODUCED_TOPICS, SERVICE_DB, SERVICE_NAME } from './tokens';

export interface ServiceKitOptions {
  /** The service's name: Kafka client id `qorgau-<name>`, consumer group `qorgau-<name>`. */
  readonly name: string;
  readonly config: ServiceKitConfig;
  /** The service's Prisma client class (see ServicePrisma). */
  readonly prisma: Type<TransactionalSqlClient>;
  /** The topics the service publishes to; created at start when missing. */
  readonly produces: readonly Topic[];
  /** The service keeps personal data (fields sealed with PersonalData; person keys in their own database). */
  readonly personalData?: boolean;
  /** The service follows victims' erasures from intake (table unreconciled_erasure): what fails is kept for reconciliation. */
  readonly followsErasures?: boolean;
}

/**
 * Everything a domain service needs besides its own features: its configuration, its database, the
 * outbox and its relay, authentication and authorisation, personal-data encryption and erasure, the
 * audit trail endpoint, health, and the transport that feeds other services' events to the
 * feature modules' `@EventPattern` handlers (see handleDomainEvents). Global, so feature modules just inject.
 */
@Module({})
export class ServiceKitModule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');

  constructor(
    private readonly relay: OutboxRelay,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceKitConfig,
    @Inject(PRODUCED_TOPICS) private readonly topics: readonly Topic[],
  ) {}

  /** Starts the relay and creates the produced topics in the background: Kafka may be down when an office starts work. */
  onApplicationBootstrap(): void {
    ensureTopics(this.kafka, this.topics, { partitions: this.config.KAFKA_TOPIC_PARTITIONS, replicationFactor: this.config.KAFKA_REPLICATION_FACTOR }).catch((error: unknown) =>
      this.logger.warn(`could not create topics yet (${error instanceof Error ? error.message : String(error)}); the outbox holds events until Kafka answers`),
    );
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }

  static forRoot(options: ServiceKitOptions): DynamicModule {
    const logger = new Logger(`${options.name}-events`);
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: options.config },
      { provide: SERVICE_NAME, useValue: options.name },
      options.prisma,
      { provide: SERVICE_DB, useExisting: options.prisma },
      { provide: KAFKA, useFactory: (): Kafka => createKafka(kafkaConnection(options.config, `qorgau-${options.name}`), logger) },
      { provide: OutboxRelay, inject: [SERVICE_DB, KAFKA], useFactory: (db: TransactionalSqlClient, kafka: Kafka) => new OutboxRelay(db, kafka, { logger }) },
      { provide: OUTBOX, inject: [SERVICE_DB, OutboxRelay], useFactory: (db: TransactionalSqlClient, relay: OutboxRelay) => new TransactionalOutbox<SqlClient>(db, relay) },
      { provide: PRODUCED_TOPICS, useValue: options.produces },
      DomainEventsServer,
      Commands,
      Imports,
      { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ...(options.personalData ? [PersonalData, ErasePersonalData, ClientConsultations, { provide: APP_INTERCEPTOR, useClass: RefusalAudit }] : []),
      ...(options.followsErasures ? [ErasureReconciliation] : []),
    ];
    return {
      module: ServiceKitModule,
      global: true,
      imports: [AuthModule.forRoot(tokenVerifierOptions(options.config))],
      providers,
      controllers: [HealthController, ...(options.personalData ? [AuditController, KeyRotationController] : []), ...(options.followsErasures ? [ErasureReconciliationController] : [])],
      exports: [
        DomainEventsServer,
        Commands,
        Imports,
        SERVICE_CONFIG,
        SERVICE_NAME,
        options.prisma,
        SERVICE_DB,
        KAFKA,
        OutboxRelay,
        OUTBOX,
        ...(options.personalData ? [PersonalData, ErasePersonalData, ClientConsultations] : []),
      ],
    };
  }
}
