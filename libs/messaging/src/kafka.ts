import { readFileSync } from 'node:fs';
import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import { deadLetterTopic } from '@qorgau/contracts';
import { mendKafkajsRequestQueue } from './kafkajs-request-queue';
import type { MessagingLogger } from './sql-client';

export interface KafkaConnection {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** The service's own user: the broker authenticates every client and authorises it by ACLs. */
  readonly username: string;
  readonly password: string;
  /** TLS to the brokers, trusting the CA in this PEM file (or the system's when none is named). */
  readonly tls?: { readonly caFile?: string | undefined } | false;
}

/** The settings of a service's configuration that make its Kafka connection. */
export const kafkaConnection = (
  config: { readonly KAFKA_BROKERS: readonly string[]; readonly KAFKA_USERNAME: string; readonly KAFKA_PASSWORD: string; readonly KAFKA_TLS: boolean; readonly KAFKA_CA_FILE?: string | undefined },
  clientId: string,
): KafkaConnection => ({
  brokers: config.KAFKA_BROKERS,
  clientId,
  username: config.KAFKA_USERNAME,
  password: config.KAFKA_PASSWORD,
  tls: config.KAFKA_TLS ? { caFile: config.KAFKA_CA_FILE } : false,
});

/** One kafkajs client per process, logging through the service's logger at WARN and above. */
export function createKafka(connection: KafkaConnection, logger: MessagingLogger): Kafka {
  mendKafkajsRequestQueue();
  const config: KafkaConfig = {
    clientId: connection.clientId,
    brokers: [...connection.brokers],
    sasl: { mechanism: 'scram-sha-512', username: connection.username, password: connection.password },
    ssl: connection.tls ? (connection.tls.caFile ? { ca: [readFileSync(connection.tls.caFile, 'utf8')] } : true) : false,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    // Short client-side retries: outage handling (outbox relay, consumer backoff) is ours.
    retry: { initialRetryTime: 200, maxRetryTime: 2_000, retries: 3 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const text = `kafkajs ${log['message'] as string}${log['broker'] ? ` (broker ${String(log['broker'])})` : ''}`;
        if (level <= logLevel.ERROR) logger.error(text);
        else logger.warn(text);
      },
  };
  return new Kafka(config);
}

export interface TopicSpec {
  readonly partitions: number;
  readonly replicationFactor: number;
}

/** Creates each topic and its dead-letter topic if missing. Topics are never auto-created. */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], spec: TopicSpec): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [...new Set(topics.flatMap((t) => [t, deadLetterTopic(t)]))].filter((t) => !existing.has(t));
    if (wanted.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: wanted.map((topic) => ({
        topic,
        numPartitions: spec.partitions,
        replicationFactor: spec.replicationFactor,
        // Domain topics are the system of record for projections: keep them for ever.
        configEntries: [{ name: 'retention.ms', value: '-1' }],
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
