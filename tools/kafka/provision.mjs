// Provisions the local broker as an operator would: every domain topic and dead-letter topic, and
// each service's ACLs (acl-plan.mjs), connecting as the admin user. Run by scripts/kafka.sh after
// start; safe to run again. Environment: KAFKA_BROKERS, QORGAU_KAFKA_PASSWORD_ADMIN,
// KAFKA_TOPIC_PARTITIONS (3).
import kafkajs from 'kafkajs';
import { allTopics, plan } from './acl-plan.mjs';

const USAGE = 'Usage: node tools/kafka/provision.mjs — creates the domain topics and the services’ ACLs on KAFKA_BROKERS as the admin user.';

// kafkajs is a CommonJS module: its named exports come through the default one.
const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, logLevel, ResourcePatternTypes } = kafkajs;

const RESOURCE = { topic: AclResourceTypes.TOPIC, group: AclResourceTypes.GROUP };
const PATTERN = { literal: ResourcePatternTypes.LITERAL, prefix: ResourcePatternTypes.PREFIXED };
const OPERATION = { Read: AclOperationTypes.READ, Write: AclOperationTypes.WRITE, Describe: AclOperationTypes.DESCRIBE };

async function main() {
  if (process.argv.includes('--help')) return console.log(USAGE);
  const password = process.env.QORGAU_KAFKA_PASSWORD_ADMIN;
  if (!process.env.KAFKA_BROKERS || !password) throw new Error('set KAFKA_BROKERS and QORGAU_KAFKA_PASSWORD_ADMIN');
  const kafka = new Kafka({
    clientId: 'qorgau-provision',
    brokers: process.env.KAFKA_BROKERS.split(','),
    sasl: { mechanism: 'scram-sha-512', username: 'admin', password },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = allTopics.filter((topic) => !existing.has(topic));
    const partitions = Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 3);
    // Domain topics are the system of record for the projection: kept for ever.
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] })),
      });
    }
    const acl = Object.entries(plan()).flatMap(([user, rules]) =>
      rules.flatMap(([type, name, pattern, operations]) =>
        operations.map((operation) => ({
          resourceType: RESOURCE[type],
          resourceName: name,
          resourcePatternType: PATTERN[pattern],
          principal: `User:${user}`,
          host: '*',
          operation: OPERATION[operation],
          permissionType: AclPermissionTypes.ALLOW,
        })),
      ),
    );
    await admin.createAcls({ acl });
    console.log(`qorgau: Kafka provisioned: ${allTopics.length} topics, ${acl.length} ACL entries for ${Object.keys(plan()).length} users`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((error) => {
  console.error(`qorgau: error: Kafka provisioning failed: ${error.message}`);
  process.exit(1);
});
