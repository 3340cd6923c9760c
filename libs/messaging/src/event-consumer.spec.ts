import type { Kafka } from 'kafkajs';
import { EventConsumer } from './event-consumer';

/** A kafkajs stand-in that records the consumers made and lets a test crash one. */
function fakeKafka() {
  const consumers: { runs: number; disconnected: boolean; crash: (restart: boolean) => void }[] = [];
  const kafka = {
    consumer: () => {
      let onCrash: (event: { payload: { error: Error; restart: boolean } }) => void = () => undefined;
      const record = { runs: 0, disconnected: false, crash: (restart: boolean) => onCrash({ payload: { error: new Error('Failed to find group coordinator'), restart } }) };
      consumers.push(record);
      return {
        events: { CRASH: 'consumer.crash' },
        on: (_: string, handler: typeof onCrash) => (onCrash = handler),
        connect: async () => undefined,
        subscribe: async () => undefined,
        run: async () => void record.runs++,
        disconnect: async () => void (record.disconnected = true),
      };
    },
    producer: () => ({ connect: async () => undefined, disconnect: async () => undefined }),
  } as unknown as Kafka;
  return { kafka, consumers };
}

const options = { groupId: 'g', topics: ['t'], fromBeginning: true, handleBatch: async () => undefined, backoff: { initialMs: 1, maxMs: 2 } };

describe('event consumer', () => {
  it('starts a new consumer when kafkajs gives one up for good', async () => {
    const { kafka, consumers } = fakeKafka();
    const consumer = new EventConsumer(kafka, options);
    await consumer.start();
    consumers[0]!.crash(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(consumers.map((c) => [c.runs, c.disconnected])).toEqual([
      [1, true],
      [1, false],
    ]);
    await consumer.stop();
  });

  it('leaves a crash kafkajs restarts itself, and a stopped consumer, alone', async () => {
    const { kafka, consumers } = fakeKafka();
    const consumer = new EventConsumer(kafka, options);
    await consumer.start();
    consumers[0]!.crash(true);
    await consumer.stop();
    consumers[0]!.crash(false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(consumers).toHaveLength(1);
  });
});
