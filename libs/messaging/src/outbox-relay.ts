import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { observeOutbox } from './metrics';
import { silentLogger, type MessagingLogger, type TransactionalSqlClient } from './sql-client';
import { inProducerSpans } from './trace-context';

export interface OutboxRelayOptions {
  /** Rows published per round trip. */
  readonly batchSize?: number;
  /** Safety net when no wake-up comes (another process wrote the outbox). */
  readonly idlePollMs?: number;
  readonly backoff?: BackoffOptions;
  /** One relay per database publishes at a time: a PostgreSQL advisory lock with this key. */
  readonly lockKey?: number;
  readonly logger?: MessagingLogger;
}

interface OutboxRow {
  seq: bigint;
  event_id: string;
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

/**
 * Publishes outbox rows to Kafka in commit order (idempotent producer, acks=all) and marks them
 * sent. While Kafka is down the rows simply wait: the office keeps working, and the relay retries
 * with backoff until the broker is back. A crash between publish and mark re-sends a few events;
 * consumers deduplicate on the event id.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  private readonly backoff: BackoffOptions;
  private readonly lockKey: number;
  private readonly logger: MessagingLogger;
  private producer: Producer | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private wakeRequested = false;
  private failures = 0;
  private unobserve: (() => void) | null = null;

  constructor(
    private readonly db: TransactionalSqlClient,
    private readonly kafka: Kafka,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idlePollMs = options.idlePollMs ?? 1_000;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.lockKey = options.lockKey ?? 0x0b7b0c;
    this.logger = options.logger ?? silentLogger;
  }

  start(): void {
    if (this.running) return;
    this.unobserve = observeOutbox(() => this.backlog());
    this.running = true;
    this.loop = this.run();
  }

  /** Called after a transaction that wrote outbox rows commits: publish now, not at the next poll. */
  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.unobserve?.();
    this.unobserve = null;
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
    await this.disconnectProducer();
  }

  /** Rows not yet published; for health checks and tests. */
  async pendingCount(): Promise<number> {
    return (await this.backlog()).pending;
  }

  /** The backlog and how long its oldest event has waited: for health checks and the metrics. */
  private async backlog(): Promise<{ pending: number; oldestAgeSeconds: number }> {
    const [row] = await this.db.$queryRawUnsafe<{ n: bigint; age: number | null }[]>(
      'SELECT count(*) AS n, extract(epoch FROM now() - min(created_at))::float8 AS age FROM outbox_event WHERE published_at IS NULL',
    );
    return { pending: Number(row?.n ?? 0), oldestAgeSeconds: Math.max(0, row?.age ?? 0) };
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let published = 0;
      try {
        published = await this.publishBatch();
        if (this.failures > 0) this.logger.log(`outbox relay: Kafka reachable again after ${this.failures} failed attempt(s)`);
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        const wait = backoffDelay(this.failures, this.backoff);
        if (this.failures === 1 || this.failures % 20 === 0) {
          this.logger.warn(`outbox relay: publishing failed (${describe(error)}); events stay in the outbox, retrying in ${wait} ms`);
        }
        // A producer that lived through a broker restart can be left with a stale idempotence epoch.
        await this.disconnectProducer();
        await this.sleep(wait, false);
        continue;
      }
      if (published < this.batchSize && !this.wakeRequested) await this.sleep(this.idlePollMs, true);
    }
  }

  private async publishBatch(): Promise<number> {
    return this.db.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>('SELECT pg_try_advisory_xact_lock($1) AS locked', this.lockKey);
        if (!lock?.locked) return 0;
        const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
          `SELECT seq, event_id::text AS event_id, topic, key, value, headers FROM outbox_event
           WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
          this.batchSize,
        );
        if (rows.length === 0) return 0;
        await this.send(rows);
        await tx.$executeRawUnsafe(
          'UPDATE outbox_event SET published_at = now() WHERE seq = ANY($1::bigint[])',
          rows.map((r) => r.seq.toString()),
        );
        return rows.length;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  }

  private async send(rows: readonly OutboxRow[]): Promise<void> {
    const producer = await this.connectedProducer();
    await inProducerSpans(rows, async (headers) => {
      const byTopic = new Map<string, Message[]>();
      rows.forEach((row, index) => {
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({ key: row.key, value: row.value, headers: headers[index]! });
        byTopic.set(row.topic, messages);
      });
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    });
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async disconnectProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    await producer?.disconnect().catch(() => undefined);
  }

  /** Waits ms; a wake-up ends the wait early only when wakeable (never during backoff), stop() always does. */
  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeUp = () => {
        if (wakeable || !this.running) finish();
      };
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error).slice(0, 300);
}
