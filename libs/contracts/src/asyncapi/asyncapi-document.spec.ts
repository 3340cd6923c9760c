import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EVENT_TYPES } from '../event-catalogue';
import { buildAsyncApiDocument } from './asyncapi-document';

describe('the AsyncAPI document', () => {
  const document = buildAsyncApiDocument('1.0.0') as {
    components: { messages: Record<string, { payload: { properties: Record<string, unknown> }; bindings: { kafka: { key: { description: string } } } }> };
  };

  it('describes every version of every event, envelope included', () => {
    for (const type of EVENT_TYPES) {
      const message = document.components.messages[`${type}.v1`];
      expect(message).toBeDefined();
      expect(Object.keys(message!.payload.properties)).toEqual(expect.arrayContaining(['id', 'type', 'schemaVersion', 'region', 'correlationId', 'payload']));
    }
  });

  it("states each event's own Kafka key", () => {
    const keyOf = (type: string) => document.components.messages[`${type}.v1`]!.bindings.kafka.key.description.split(':')[0];
    expect(keyOf('CaseOpened')).toBe('payload.caseId');
    expect(keyOf('HotlineCallLogged')).toBe('payload.callId');
    expect(keyOf('TrainingHeld')).toBe('payload.trainingId');
  });

  it('is committed as generated (npm run asyncapi)', () => {
    const committed = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../docs/asyncapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildAsyncApiDocument('1.0.0'))));
  });
});
