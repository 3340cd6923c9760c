// Who may do what on the event bus, derived from libs/contracts/src/services.json: each service
// writes only its own topic and the dead-letter topics of what it consumes, reads only the topics it
// consumes (the projection reads them all), and joins only its own consumer group(s). Used by
// provision.mjs on the local broker; k8s/base/kafka-users.yaml states the same for Strimzi, and
// apps/platform-e2e checks that the two agree. `node tools/kafka/acl-plan.mjs` prints it as JSON.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const services = JSON.parse(readFileSync(path.join(root, 'libs/contracts/src/services.json'), 'utf8')).apps.filter((app) => app.kafka);

/** The topic a service publishes to (libs/contracts/src/topics.ts). */
export const topicOf = (service) => `qorgau.${service}.events`;
export const dlqOf = (topic) => `${topic}.dlq`;

/** Services that publish events: every Kafka user but the projection, which only reads. */
export const producers = services.filter((s) => s.name !== 'projection').map((s) => s.name);
export const kafkaUsers = services.map((s) => s.name);

/** Every domain topic and its dead-letter topic. */
export const allTopics = producers.flatMap((p) => [topicOf(p), dlqOf(topicOf(p))]);

/**
 * A user's permissions: [resource type, name, pattern, operations]. DESCRIBE is what lets a client
 * see that a topic exists (start-up checks), nothing more.
 */
export function permissionsOf(service) {
  const entry = services.find((s) => s.name === service);
  if (!entry) throw new Error(`${service} has no Kafka user`);
  const rules = [];
  if (producers.includes(service)) {
    rules.push(['topic', topicOf(service), 'literal', ['Write', 'Describe']]);
    rules.push(['topic', dlqOf(topicOf(service)), 'literal', ['Describe']]);
  }
  for (const producer of entry.kafka.consumes) {
    rules.push(['topic', topicOf(producer), 'literal', ['Read', 'Describe']]);
    rules.push(['topic', dlqOf(topicOf(producer)), 'literal', ['Write', 'Describe']]);
  }
  if (entry.kafka.consumes.length > 0) {
    // The projection consumes as <prefix>-g<N>, one group per generation of its views.
    rules.push(service === 'projection' ? ['group', 'qorgau-projection', 'prefix', ['Read']] : ['group', `qorgau-${service}`, 'literal', ['Read']]);
  }
  return rules;
}

export const plan = () => Object.fromEntries(kafkaUsers.map((user) => [user, permissionsOf(user)]));

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--help')) console.log('Prints which topics and groups each service’s Kafka user may use, as JSON.');
  else console.log(JSON.stringify(plan(), null, 2));
}
