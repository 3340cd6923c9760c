import { z } from 'zod';
import { EventEnvelopeSchema } from '../envelope';
import { EVENT_CATALOGUE, latestVersion, type EventDefinition } from '../event-catalogue';
import { DOMAIN_TOPICS, deadLetterTopic } from '../topics';

/**
 * The AsyncAPI 3.0 document of every topic and event, generated from the catalogue so that it
 * cannot drift from what producers and consumers actually validate.
 */
export function buildAsyncApiDocument(version: string): Record<string, unknown> {
  const definitions = Object.values(EVENT_CATALOGUE) as EventDefinition[];
  const envelope = z.toJSONSchema(EventEnvelopeSchema, { io: 'input' }) as Record<string, unknown>;
  const messages: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};

  for (const topic of DOMAIN_TOPICS) {
    const channelId = topic.replaceAll('.', '-');
    const channelMessages: Record<string, unknown> = {};
    for (const definition of definitions.filter((d) => d.topic === topic)) {
      const versions = [...definition.previous.map((p) => ({ version: p.version, schema: p.schema })), { version: latestVersion(definition), schema: definition.schema }];
      for (const { version: v, schema } of versions) {
        const messageId = `${definition.type}.v${v}`;
        messages[messageId] = {
          name: definition.type,
          title: `${definition.type} v${v}`,
          summary: definition.description,
          contentType: 'application/json',
          headers: {
            type: 'object',
            properties: {
              'qorgau-event-type': { const: definition.type },
              'qorgau-schema-version': { const: String(v) },
              traceparent: { type: 'string', description: 'W3C trace context' },
            },
          },
          payload: {
            ...envelope,
            properties: {
              ...(envelope['properties'] as Record<string, unknown>),
              type: { const: definition.type },
              schemaVersion: { const: v },
              payload: z.toJSONSchema(schema, { io: 'input' }),
            },
          },
          bindings: { kafka: { key: { type: 'string', description: `payload.${definition.key}: events with the same ${definition.key} keep their order` }, bindingVersion: '0.5.0' } },
          ...(v < latestVersion(definition) ? { 'x-superseded': true } : {}),
        };
        channelMessages[messageId] = { $ref: `#/components/messages/${messageId}` };
      }
    }
    channels[channelId] = { address: topic, messages: channelMessages }; // AsyncAPI's `address`: the Kafka topic
    channels[`${channelId}-dlq`] = {
      address: deadLetterTopic(topic), // AsyncAPI's `address`: the dead-letter topic
      description: 'Events a consumer could not read or apply: the original bytes, with qorgau-dlq-* headers giving the reason.',
    };
    operations[`publish-${channelId}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      messages: Object.keys(channelMessages).map((id) => ({ $ref: `#/channels/${channelId}/messages/${id}` })),
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Qorgau domain events',
      version,
      description: 'Facts published by Qorgau services. No personal data: pseudonymous ids, age bands, sex, citizenship, categories and counts only.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
