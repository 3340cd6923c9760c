import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { EventEnvelope } from '@qorgau/contracts';
import type { SqlClient, TransactionalOutbox } from '@qorgau/messaging';
import { ReactionsHost, type EventReaction } from './reactions';
import type { ServiceKitConfig } from './service-config';

const envelope = (type: string): EventEnvelope => ({ id: randomUUID(), type, schemaVersion: 1, occurredAt: '2026-11-22T10:00:00Z', region: 'KZ-79', producer: 'intake', correlationId: randomUUID(), causationId: null, payload: {} }) as unknown as EventEnvelope;

describe('reactions', () => {
  // A transaction whose claim accepts every event id it is given.
  const tx: SqlClient = { $executeRawUnsafe: async () => 0, $queryRawUnsafe: (async (_: string, __: string, ids: string[]) => ids.map((event_id) => ({ event_id }))) as SqlClient['$queryRawUnsafe'] };
  const setup = () => {
    const runs: unknown[] = [];
    const outbox = { run: async (work: (t: SqlClient) => Promise<{ events: unknown[] }>) => runs.push(await work(tx)) } as unknown as TransactionalOutbox<SqlClient>;
    const seen: string[] = [];
    const reaction: EventReaction = { reactsTo: ['CaseReferred'], react: async (_, event) => (seen.push(event.type), []) };
    const host = new ReactionsHost({} as Kafka, outbox, [reaction], {} as ServiceKitConfig, 'legal');
    return { host, runs, seen };
  };

  it('hands a reaction only the event types it reacts to', async () => {
    const { host, seen } = setup();
    await host.handle([envelope('HotlineCallLogged'), envelope('CaseReferred'), envelope('CaseClosed')]);
    expect(seen).toEqual(['CaseReferred']);
  });

  it('passes over a batch no reaction wants without opening a transaction or claiming anything', async () => {
    const { host, runs } = setup();
    await host.handle([envelope('HotlineCallLogged'), envelope('CaseOpened')]);
    expect(runs).toEqual([]);
  });
});
