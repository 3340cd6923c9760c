import { randomUUID } from 'node:crypto';
import { deadLetterTopic, TOPICS } from '@qorgau/contracts';
import { aHotlineCallLoggedEvent, eventually, publishRaw, readTopic, testKafka } from '@qorgau/testing';
import { EventConsumer, type ConsumedEvent } from './event-consumer';
import { ensureTopics } from './kafka';
import { TransientError } from './transient-errors';

// Events of a month of their own, so that the projection's tests never count them.
const MONTH = '2018-01';

describe('EventConsumer against the real broker', () => {
  const kafka = testKafka('consumer-int-spec');
  let consumer: EventConsumer | undefined;

  beforeAll(() => ensureTopics(kafka, [TOPICS.intake], { partitions: 3, replicationFactor: 1 }));
  afterEach(() => consumer?.stop());

  /** A consumer in a group of its own that reads the whole topic: other tests' events pass through, only ours are asserted on. */
  const startConsumer = async (maxAttempts: number, handleBatch: (events: readonly ConsumedEvent[]) => Promise<void>) => {
    consumer = new EventConsumer(kafka, {
      groupId: `int-${randomUUID()}`,
      topics: [TOPICS.intake],
      fromBeginning: true,
      maxAttempts,
      backoff: { initialMs: 10, maxMs: 20 },
      handleBatch,
    });
    await consumer.start();
  };

  it('dead-letters an event that keeps failing, with the reason, and applies the next one', async () => {
    const poison = aHotlineCallLoggedEvent({ month: MONTH });
    const next = aHotlineCallLoggedEvent({ month: MONTH });
    const applied: string[] = [];
    let attempts = 0;
    const handleBatch = async (events: readonly ConsumedEvent[]) => {
      if (events.some((e) => e.envelope.id === poison.id)) {
        attempts += 1;
        throw new Error('a bug in the handler');
      }
      applied.push(...events.map((e) => e.envelope.id));
    };
    await publishRaw(
      kafka,
      TOPICS.intake,
      [poison, next].map((e) => ({ key: poison.key, value: e.value, headers: e.headers })),
    );
    await startConsumer(3, handleBatch);

    await eventually(() => expect(applied).toContain(next.id));
    expect(applied).not.toContain(poison.id);
    expect(attempts).toBeGreaterThanOrEqual(3);
    const dead = await eventually(async () => {
      const message = (await readTopic(kafka, deadLetterTopic(TOPICS.intake))).find((m) => m.value?.includes(poison.id));
      expect(message).toBeDefined();
      return message!;
    });
    expect(dead.headers['qorgau-dlq-reason']).toMatch(/^failed 3 times: Error: a bug in the handler/);
  });

  it('waits out a transient failure instead of dead-lettering the event', async () => {
    const event = aHotlineCallLoggedEvent({ month: MONTH });
    const applied: string[] = [];
    let failures = 0;
    const handleBatch = async (events: readonly ConsumedEvent[]) => {
      if (events.some((e) => e.envelope.id === event.id) && failures < 5) {
        failures += 1;
        throw new TransientError('database restarting');
      }
      applied.push(...events.map((e) => e.envelope.id));
    };
    await publishRaw(kafka, TOPICS.intake, [{ key: event.key, value: event.value, headers: event.headers }]);
    await startConsumer(2, handleBatch);

    await eventually(() => expect(applied).toContain(event.id));
    expect(failures).toBe(5);
    expect((await readTopic(kafka, deadLetterTopic(TOPICS.intake))).some((m) => m.value?.includes(event.id))).toBe(false);
  });
});
