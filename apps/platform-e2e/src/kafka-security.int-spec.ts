import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { parseAllDocuments } from 'yaml';
import { TOPICS } from '@qorgau/contracts';
import { repoRoot, requiredEnv, testKafka } from '@qorgau/testing';

/**
 * The event bus trusts no one by default: every client authenticates (SASL/SCRAM-SHA-512) and the
 * broker's ACLs (tools/kafka/acl-plan.mjs) hold each service to its own topics. Anyone who could
 * reach the port used to be able to publish VictimDataErased or read every case event.
 */
describe('the event bus: authentication and ACLs on the real broker', () => {
  const brokers = requiredEnv('KAFKA_BROKERS').split(',');
  const client = (sasl?: { username: string; password: string }) =>
    new Kafka({ clientId: 'intruder', brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 3_000, ...(sasl ? { sasl: { mechanism: 'scram-sha-512', ...sasl } } : {}) });
  const send = async (kafka: Kafka, topic: string) => {
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, retry: { retries: 0 } });
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages: [{ key: 'x', value: '{"forged":true}' }] });
    } finally {
      await producer.disconnect();
    }
  };
  const sizeOf = async (topic: string) => {
    const admin = testKafka('acl-probe').admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
    } finally {
      await admin.disconnect();
    }
  };

  it('refuses a client without credentials, and one with a wrong password', async () => {
    await expect(send(client(), TOPICS.intake)).rejects.toThrow();
    await expect(send(client({ username: 'intake', password: 'not-the-password' }), TOPICS.intake)).rejects.toThrow(/SASL SCRAM SHA512 authentication failed|Authentication failed/i);
  });

  it("refuses legal's credentials on intake's topic: nothing is written", async () => {
    const before = await sizeOf(TOPICS.intake);
    await expect(send(testKafka('legal-as-intake', 'legal'), TOPICS.intake)).rejects.toThrow(/not authorized|authorization failed/i);
    expect(await sizeOf(TOPICS.intake)).toBe(before);
  });

  it("lets outreach neither see intake's topic nor look into another service's consumer group", async () => {
    const admin = testKafka('outreach-probe', 'outreach').admin();
    await admin.connect();
    try {
      await expect(admin.fetchTopicOffsets(TOPICS.intake)).rejects.toThrow(/not authorized|authorization failed|does not host this topic-partition/i);
      // The broker answers a group it will not show as if it had no coordinator; the admin, asking the same, gets its offsets.
      await expect(admin.fetchOffsets({ groupId: 'qorgau-legal', topics: [TOPICS.outreach] })).rejects.toThrow(/not authorized|authorization failed|Failed to find group coordinator/i);
    } finally {
      await admin.disconnect();
    }
    const operator = testKafka('operator-probe').admin();
    await operator.connect();
    try {
      await expect(operator.fetchOffsets({ groupId: 'qorgau-legal', topics: [TOPICS.outreach] })).resolves.toBeDefined();
    } finally {
      await operator.disconnect();
    }
  });

  it('grants in Kubernetes (Strimzi KafkaUsers) exactly what the local broker grants', () => {
    const plan = JSON.parse(execFileSync(process.execPath, [path.join(repoRoot, 'tools/kafka/acl-plan.mjs')], { encoding: 'utf8' })) as Record<string, [string, string, string, string[]][]>;
    const users = parseAllDocuments(readFileSync(path.join(repoRoot, 'k8s/base/kafka-users.yaml'), 'utf8'))
      .map(
        (document) =>
          document.toJS() as {
            kind: string;
            metadata: { name: string };
            spec: { authentication: { type: string }; authorization: { type: string; acls: { resource: { type: string; name: string; patternType: string }; operations: string[] }[] } };
          },
      )
      .filter((document) => document.kind === 'KafkaUser');
    const granted = Object.fromEntries(
      users.map((user) => {
        expect([user.spec.authentication.type, user.spec.authorization.type]).toEqual(['scram-sha-512', 'simple']);
        return [user.metadata.name.replace(/^qorgau-/, ''), user.spec.authorization.acls.map((acl) => [acl.resource.type, acl.resource.name, acl.resource.patternType, acl.operations])];
      }),
    );
    expect(granted).toEqual(plan);
  });
});
