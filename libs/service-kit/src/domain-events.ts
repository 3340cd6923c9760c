import { Catch, Inject, Injectable, Logger, type INestApplication, type OnModuleDestroy, type RpcExceptionFilter } from '@nestjs/common';
import { BaseRpcContext, EventPattern as NestEventPattern, NestMicroservice, Server, type CustomTransportStrategy, type MicroserviceOptions } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import { lastValueFrom, throwError, type Observable } from 'rxjs';
import { APPS, EVENT_CATALOGUE, eventDefinition, topicOwner, type DomainEventOf, type EventEnvelope, type EventType, type NewEvent } from '@qorgau/contracts';
import { claimNewEvents, EventConsumer, startWhenKafkaAnswers, type SqlClient, type TransactionalOutbox } from '@qorgau/messaging';
import { SERVICE_CONFIG, type ServiceKitConfig } from './service-config';
import { KAFKA, OUTBOX, SERVICE_NAME } from './tokens';

/** An event of one type as a handler receives it: `@Payload() event: EventOf<'CaseReferred'>`. */
export type EventOf<T extends EventType> = EventEnvelope<DomainEventOf<T>>;

/**
 * What an `@EventPattern` handler gets with `@Ctx()`: the transaction that also claims the event, so
 * the handler's rows, the events it causes and the claim commit together or not at all.
 */
export class EventContext extends BaseRpcContext<[tx: SqlClient, event: EventEnvelope]> {
  get tx(): SqlClient {
    return this.args[0];
  }

  get event(): EventEnvelope {
    return this.args[1];
  }
}

/**
 * Nest's `@EventPattern`, typed by the event catalogue: the name must be an event type (a typo does
 * not compile) and the handler takes that event's envelope and the EventContext.
 */
export const EventPattern = NestEventPattern as <T extends EventType>(
  type: T,
) => <Handler extends (event: EventOf<T>, context: EventContext) => unknown>(target: object, method: string | symbol, descriptor: TypedPropertyDescriptor<Handler>) => void;

/**
 * Hands a handler's error to the consumer as it was thrown: the consumer tells an outage (wait it
 * out) from a bad event (retry, then dead-letter), which Nest's default filter would hide behind
 * "Internal server error".
 */
@Catch()
class KeepHandlerErrors implements RpcExceptionFilter {
  catch(error: unknown): Observable<never> {
    return throwError(() => error);
  }
}

const logger = new Logger('DomainEvents');

/**
 * The NestJS transport for other services' events: handlers are `@EventPattern('CaseReferred')`
 * methods of controllers, with the transaction in `@Ctx()`; what they return (the events they
 * cause) goes to the outbox in that transaction.
 *
 * One consumer per service, group `qorgau-<service>`, fed by every handler Nest discovers, so two
 * modules can never start competing consumers that would each see half the events. Underneath is
 * the project's EventConsumer: batches, the claim of each event id with its effects, bounded
 * retries, the dead-letter topic with the reason, and outages waited out. (Nest's ServerKafka
 * handles one message at a time and re-delivers a failing one forever.)
 */
@Injectable()
export class DomainEventsServer extends Server implements CustomTransportStrategy, OnModuleDestroy {
  /** A handler's failure reaches the consumer (retry, dead-letter), not only Nest's log. */
  override readonly propagatesEventHandlerErrors = true;
  private consumer: EventConsumer | null = null;
  private readonly deadLetterListeners: ((event: EventEnvelope, reason: string) => Promise<void>)[] = [];
  private listening = false;
  private stopped = false;
  private starting: Promise<void> = Promise.resolve();

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<SqlClient>,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceKitConfig,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {
    super();
  }

  get groupId(): string {
    return `qorgau-${this.service}`;
  }

  /** The event types the service's handlers take, checked against the catalogue. */
  get eventTypes(): EventType[] {
    const patterns = [...this.messageHandlers.keys()];
    const unknown = patterns.filter((pattern) => !eventDefinition(pattern));
    if (unknown.length > 0) throw new Error(`@EventPattern names no event of the catalogue: ${unknown.join(', ')}`);
    const requests = patterns.filter((pattern) => !this.messageHandlers.get(pattern)!.isEventHandler);
    if (requests.length > 0) throw new Error(`@MessagePattern is not supported by domain events (use @EventPattern): ${requests.join(', ')}`);
    // Nest would run a second handler of the same type concurrently on the one transaction.
    const twice = patterns.filter((pattern) => this.messageHandlers.get(pattern)!.next);
    if (twice.length > 0) throw new Error(`more than one @EventPattern handler in the service for ${twice.join(', ')}: a service reacts to an event in one place`);
    // The broker lets a service read only what services.json says it consumes (its Kafka ACLs): say so at start, not as a consumer that never starts.
    const consumes: readonly string[] = APPS.find((app) => app.name === this.service)?.kafka?.consumes ?? [];
    const unread = patterns.filter((pattern) => !consumes.includes(topicOwner(EVENT_CATALOGUE[pattern as EventType].topic) ?? ''));
    if (unread.length > 0) throw new Error(`${this.service} handles ${unread.join(', ')} from a topic services.json does not let it consume (add it to kafka.consumes, and to its KafkaUser)`);
    return patterns as EventType[];
  }

  listen(callback: (error?: unknown) => void): void {
    if (this.listening) return callback(new Error(`${this.groupId} is already consuming: a second consumer in one group would take half the events`));
    let types: EventType[];
    try {
      types = this.eventTypes;
    } catch (error) {
      return callback(error);
    }
    this.listening = true;
    // Kafka may be down when an office starts work: the API comes up anyway and the consumer follows.
    if (types.length > 0) this.starting = this.start(types);
    callback();
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.consumer?.stop();
    this.consumer = null;
  }

  /** Before the database closes: no batch is left half-applied by a shutdown. */
  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  /**
   * Applies a batch: each handler sees the events of its type, once. Events no handler wants (most
   * of a topic) are passed over without a transaction or a claim.
   */
  async handle(events: readonly EventEnvelope[]): Promise<void> {
    const wanted = events.filter((event) => this.messageHandlers.has(event.type));
    if (wanted.length === 0) return;
    await this.outbox.run(async (tx) => {
      const caused: NewEvent[] = [];
      for (const event of await claimNewEvents(tx, this.groupId, wanted)) {
        const handler = this.messageHandlers.get(event.type)!;
        const result: unknown = await lastValueFrom(this.transformToObservable(await handler(event, new EventContext([tx, event]))), { defaultValue: undefined });
        if (Array.isArray(result)) caused.push(...(result as NewEvent[]));
      }
      return { result: undefined, events: caused };
    });
  }

  /** Tells `listener` of every event a handler kept failing on and that went to the dead-letter topic. */
  whenDeadLettered(listener: (event: EventEnvelope, reason: string) => Promise<void>): void {
    this.deadLetterListeners.push(listener);
  }

  on(): never {
    throw new Error('DomainEventsServer has no events to subscribe to');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async start(types: readonly EventType[]): Promise<void> {
    const topics = [...new Set(types.map((type) => EVENT_CATALOGUE[type].topic))];
    this.consumer = await startWhenKafkaAnswers(this.kafka, {
      topics,
      partitions: this.config.KAFKA_TOPIC_PARTITIONS,
      replicationFactor: this.config.KAFKA_REPLICATION_FACTOR,
      create: () =>
        new EventConsumer(this.kafka, {
          groupId: this.groupId,
          topics,
          fromBeginning: true,
          logger,
          handleBatch: (consumed) => this.handle(consumed.map((e) => e.envelope)),
          onDeadLetter: async (consumed, reason) => {
            for (const listener of this.deadLetterListeners) await listener(consumed.envelope, reason);
          },
        }),
      stopped: () => this.stopped,
      logger,
    });
    if (this.consumer) logger.log(`${this.service} handles ${types.join(', ')} from ${topics.join(', ')}`);
  }
}

/**
 * Connects the service's `@EventPattern` handlers to its topics (a hybrid app: HTTP and events).
 * Called once by each service's app factory; a second call fails rather than start a rival consumer.
 */
export async function handleDomainEvents(app: INestApplication): Promise<void> {
  const server = app.get(DomainEventsServer);
  // Deferred, so the filter is in place before Nest builds the handlers; then what Nest does itself.
  const microservice = app.connectMicroservice<MicroserviceOptions>({ strategy: server }, { deferInitialization: true }) as NestMicroservice;
  microservice.useGlobalFilters(new KeepHandlerErrors());
  microservice.registerListeners();
  microservice.setIsInitialized(true);
  microservice.setIsInitHookCalled(true);
  await app.startAllMicroservices();
}
