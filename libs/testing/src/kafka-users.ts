import { Kafka, logLevel } from 'kafkajs';
import { mendKafkajsRequestQueue } from '@qorgau/messaging';
import { requiredEnv } from './service-process';

/**
 * The test broker authenticates every client (scripts/kafka.sh): the passwords are exported by the
 * test scripts as QORGAU_KAFKA_PASSWORD_<USER>. Services run as their own users; tests read,
 * forge and measure as `admin`, or as a service to prove what its ACLs refuse.
 */
export function kafkaUserEnv(user: string): { KAFKA_USERNAME: string; KAFKA_PASSWORD: string } {
  return { KAFKA_USERNAME: user, KAFKA_PASSWORD: requiredEnv(`QORGAU_KAFKA_PASSWORD_${user.toUpperCase()}`) };
}

/** A kafkajs client on the test broker as `user` (default admin, which every ACL allows). */
export function testKafka(clientId: string, user = 'admin'): Kafka {
  const { KAFKA_USERNAME: username, KAFKA_PASSWORD: password } = kafkaUserEnv(user);
  // The tests' probes wait on the broker for minutes at a time: without it each spins a core's timer.
  mendKafkajsRequestQueue();
  return new Kafka({ clientId, brokers: requiredEnv('KAFKA_BROKERS').split(','), sasl: { mechanism: 'scram-sha-512', username, password }, logLevel: logLevel.NOTHING });
}
