import { Partitioners, type Consumer, type EachBatchPayload, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { decodeEvent, deadLetterTopic, type EventEnvelope } from '@qorgau/contracts';
import { backoffDelay, delay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { silentLogger, type MessagingLogger } from './sql-client';
import { recordBatch, recordDeadLetter } from './metrics';
import { headersToStrings, inConsumerSpan } from './trace-context';
import { isTransientError } from './transient-errors';
import { ensureTopics } from './kafka';

export interface ConsumedEvent {
  readonly envelope: EventEnvelope;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Kafka headers as strings: trace context and event type. */
  readonly headers: Record<string, string>;
  /** The bytes as received, so a dead letter carries exactly what came in. */
  readonly message: KafkaMessage;
}

export interface EventConsumerOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a group with no committed offset starts: true replays the whole history. */
  readonly fromBeginning: boolean;
  /**
   * Applies a batch of events from one partition, in order, in one transaction that also records
   * them as processed (claimNewEvents): all or nothing, and idempotent.
   */
  readonly handleBatch: (events: readonly ConsumedEvent[]) => Promise<void>;
  /** Attempts at an event that keeps failing before it goes to the dead-letter topic. */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffOptions;
  readonly logger?: MessagingLogger;
  /** Called after an event that kept failing was sent to the dead-letter topic (not for unreadable bytes). */
  readonly onDeadLetter?: (event: ConsumedEvent, reason: string) => Promise<void>;
  /** Called after each batch is done with (applied or dead-lettered): the next offset to read. */
  readonly onProgress?: (topic: string, partition: number, nextOffset: bigint) => void;
  /**
   * Batches of different partitions handled at once (each partition's stay in order): while one
   * waits on the database, another is decoded. 1 (the default) for handlers that must not overlap.
   */
  readonly partitionsConcurrently?: number;
}

/** Dead-letter headers: the reason, and where the event came from. */
export const DLQ_HEADERS = {
  reason: 'qorgau-dlq-reason',
  topic: 'qorgau-dlq-original-topic',
  partition: 'qorgau-dlq-original-partition',
  offset: 'qorgau-dlq-original-offset',
  consumer: 'qorgau-dlq-consumer',
  failedAt: 'qorgau-dlq-failed-at',
} as const;

/**
 * Reads domain topics in batches and hands decoded events to a use case. What cannot be decoded
 * (not JSON, bad envelope, unknown type or version, payload failing its schema) or keeps failing
 * goes to `<topic>.dlq` with the reason, and the partition moves on. Unavailability of the
 * database or broker is waited out with backoff, never dead-lettered.
 */
export class EventConsumer {
  private consumer: Consumer;
  private readonly dlqProducer: Producer;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffOptions;
  private readonly logger: MessagingLogger;
  private stopping = false;
  private recovering: Promise<void> | null = null;
  private joined = false;
  /** The last lag seen on each partition ("topic:partition" → messages behind). */
  private readonly lags = new Map<string, number>();

  constructor(
    private readonly kafka: Kafka,
    private readonly options: EventConsumerOptions,
  ) {
    this.consumer = this.newConsumer();
    this.dlqProducer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.logger = options.logger ?? silentLogger;
  }

  /** Whether it has joined its group and been given partitions since it started; and how far behind it was last seen. */
  status(): { consuming: boolean; lag: number | null } {
    return { consuming: this.joined, lag: this.lags.size > 0 ? [...this.lags.values()].reduce((sum, lag) => sum + lag, 0) : null };
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.dlqProducer.connect();
    await this.run(this.consumer);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.recovering;
    await this.consumer.disconnect().catch(() => undefined);
    await this.dlqProducer.disconnect().catch(() => undefined);
  }

  private newConsumer(): Consumer {
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 250,
      // A member that dies without leaving (kill -9, a lost node) holds its partitions until its session
      // expires: the broker's shortest (group.min.session.timeout.ms), so a restarted consumer counts
      // again within seconds, not half a minute. A clean stop leaves the group at once (disconnect).
      sessionTimeout: 6_000,
      heartbeatInterval: 1_000,
    });
    consumer.on(consumer.events.GROUP_JOIN, () => (this.joined = true));
    // kafkajs restarts a consumer after retriable errors only; one that fails for good while the
    // broker is away (e.g. "Failed to find group coordinator") would stay stopped. Start a new one.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && !this.stopping && !this.recovering && consumer === this.consumer) this.recovering = this.recover(payload.error).finally(() => (this.recovering = null));
    });
    return consumer;
  }

  private async run(consumer: Consumer): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.options.topics], fromBeginning: this.options.fromBeginning });
    await consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 1,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  private async recover(error: Error): Promise<void> {
    this.logger.warn(`consumer ${this.options.groupId} stopped (${describe(error)}); starting it again`);
    for (let attempt = 1; !this.stopping; attempt++) {
      await delay(backoffDelay(Math.min(attempt, 6), this.backoff));
      if (this.stopping) return;
      await this.consumer.disconnect().catch(() => undefined);
      this.consumer = this.newConsumer();
      try {
        await this.run(this.consumer);
        this.logger.log(`consumer ${this.options.groupId} is running again`);
        return;
      } catch (retryError) {
        if (attempt % 10 === 1) this.logger.warn(`consumer ${this.options.groupId} cannot start yet (${describe(retryError)})`);
      }
    }
  }

  private async onBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0) return;
    const readable: ConsumedEvent[] = [];
    for (const message of batch.messages) {
      const decoded = decodeEvent(message.value, batch.topic);
      if (decoded.ok) {
        readable.push({
          envelope: decoded.event,
          topic: batch.topic,
          partition: batch.partition,
          offset: message.offset,
          headers: headersToStrings(message.headers),
          message,
        });
      } else {
        await this.deadLetter(batch.topic, batch.partition, message, decoded.reason);
      }
    }
    await this.apply(readable, heartbeat, () => isRunning() && !isStale());
    if (!isRunning() || isStale()) return;
    resolveOffset(batch.lastOffset());
    await commitOffsetsIfNecessary();
    await heartbeat();
    const newest = Number(batch.messages[batch.messages.length - 1]!.timestamp);
    const lag = Number(batch.offsetLag());
    this.lags.set(`${batch.topic}:${batch.partition}`, lag);
    recordBatch(this.options.groupId, batch.topic, batch.partition, {
      applied: readable.length,
      lag,
      newestPublishedAt: Number.isFinite(newest) && newest > 0 ? newest : null,
    });
    this.options.onProgress?.(batch.topic, batch.partition, BigInt(batch.lastOffset()) + 1n);
  }

  private async apply(events: readonly ConsumedEvent[], heartbeat: () => Promise<void>, active: () => boolean): Promise<void> {
    if (events.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.handleTraced(events);
        return;
      } catch (error) {
        if (this.stopping || !active()) throw error;
        if (isTransientError(error)) {
          // Database or broker away: wait for it however long it takes, keeping our partitions.
          if (attempt === 1 || attempt % 20 === 0) this.logger.warn(`consumer ${this.options.groupId}: waiting for infrastructure (${describe(error)})`);
          await delay(backoffDelay(Math.min(attempt, 10), this.backoff));
          await heartbeat();
          continue;
        }
        if (events.length > 1) {
          // Find the event at fault: apply one by one, so only it goes to the dead-letter topic.
          for (const event of events) await this.apply([event], heartbeat, active);
          return;
        }
        if (attempt < this.maxAttempts) {
          await delay(backoffDelay(attempt, this.backoff));
          await heartbeat();
          continue;
        }
        const [event] = events as [ConsumedEvent];
        const reason = `failed ${attempt} times: ${describe(error)}`;
        await this.deadLetter(event.topic, event.partition, event.message, reason);
        await this.options.onDeadLetter?.(event, reason);
        return;
      }
    }
  }

  /** One span for the batch, continuing the first event's trace and linked to every other event's. */
  private handleTraced(events: readonly ConsumedEvent[]): Promise<void> {
    const first = events[0]!;
    return inConsumerSpan(
      `${first.topic} process`,
      first.headers,
      { 'messaging.system': 'kafka', 'messaging.destination.name': first.topic, 'messaging.batch.message_count': events.length, 'messaging.consumer.group.name': this.options.groupId },
      () => this.options.handleBatch(events),
      events.slice(1).map((event) => event.headers),
    );
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, reason: string): Promise<void> {
    this.logger.warn(`consumer ${this.options.groupId}: ${topic}[${partition}]@${message.offset} sent to ${deadLetterTopic(topic)}: ${reason}`);
    recordDeadLetter(this.options.groupId, topic);
    await this.dlqProducer.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...headersToStrings(message.headers),
            [DLQ_HEADERS.reason]: reason.slice(0, 1000),
            [DLQ_HEADERS.topic]: topic,
            [DLQ_HEADERS.partition]: String(partition),
            [DLQ_HEADERS.offset]: message.offset,
            [DLQ_HEADERS.consumer]: this.options.groupId,
            [DLQ_HEADERS.failedAt]: new Date().toISOString(),
          },
        },
      ],
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : String(error).slice(0, 500);
}

/**
 * Starts a consumer once Kafka answers: creates its topics if missing, starts it, and retries with
 * backoff while the broker is away, so a service comes up (and serves its API) before Kafka does.
 * Resolves with the running consumer, or null when `stopped()` turned true first.
 */
export async function startWhenKafkaAnswers(
  kafka: Kafka,
  options: {
    readonly topics: readonly string[];
    readonly partitions: number;
    readonly replicationFactor: number;
    readonly create: () => EventConsumer;
    readonly stopped: () => boolean;
    readonly logger: MessagingLogger;
  },
): Promise<EventConsumer | null> {
  for (let attempt = 1; !options.stopped(); attempt++) {
    const consumer = options.create();
    try {
      await ensureTopics(kafka, options.topics, { partitions: options.partitions, replicationFactor: options.replicationFactor });
      await consumer.start();
      return consumer;
    } catch (error) {
      await consumer.stop();
      const wait = backoffDelay(Math.min(attempt, 6));
      if (attempt === 1 || attempt % 10 === 0) options.logger.warn(`Kafka not reachable yet (${describe(error)}); retrying in ${wait} ms`);
      await delay(wait);
    }
  }
  return null;
}
