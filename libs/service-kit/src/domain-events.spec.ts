import { randomUUID } from 'node:crypto';
import { Controller, Module } from '@nestjs/common';
import { Ctx, EventPattern as NestEventPattern, MessagePattern, Payload } from '@nestjs/microservices';
import { NestFactory } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import type { EventEnvelope, NewEvent } from '@qorgau/contracts';
import type { SqlClient, TransactionalOutbox } from '@qorgau/messaging';
import { DomainEventsServer, EventContext, EventPattern, handleDomainEvents, type EventOf } from './domain-events';
import { SERVICE_CONFIG } from './service-config';
import { KAFKA, OUTBOX, SERVICE_NAME } from './tokens';

const envelope = (type: string): EventEnvelope =>
  ({
    id: randomUUID(),
    type,
    schemaVersion: 1,
    occurredAt: '2026-11-22T10:00:00Z',
    region: 'KZ-79',
    producer: 'intake',
    correlationId: randomUUID(),
    causationId: null,
    payload: {},
  }) as unknown as EventEnvelope;

const seen: string[] = [];
const caused = (event: EventEnvelope): NewEvent => ({
  event: { type: 'CaseClosed', payload: {} } as never,
  region: event.region,
  producer: 'legal',
  occurredAt: new Date(),
  correlationId: event.correlationId,
  causationId: event.id,
});

@Controller()
class ReferralsHandler {
  @EventPattern('CaseReferred')
  onCaseReferred(@Payload() event: EventOf<'CaseReferred'>, @Ctx() context: EventContext): readonly NewEvent[] {
    seen.push(`referred:${event.id === context.event.id}:${context.tx === transaction}`);
    return [caused(event)];
  }
}

@Controller()
class SecondReferralsHandler {
  @EventPattern('CaseReferred')
  async onCaseReferred(): Promise<void> {
    seen.push('second');
  }
}

@Controller()
class FailingHandler {
  @EventPattern('CaseClosed')
  onCaseClosed(): never {
    throw new RangeError('the bad event');
  }
}

@Controller()
class RaidsHandler {
  @EventPattern('RaidConducted')
  onRaid(): void {
    seen.push('raid');
  }
}

@Controller()
class TypoHandler {
  // Our EventPattern would not compile with the typo; Nest's checks nothing.
  @NestEventPattern<string>('CaseRefered')
  onTypo(): void {
    seen.push('typo');
  }
}

@Controller()
class RequestHandler {
  @MessagePattern('CaseReferred')
  onRequest(): void {
    seen.push('request');
  }
}

// A transaction whose claim accepts every event id it is given.
const transaction: SqlClient = {
  $executeRawUnsafe: async () => 0,
  $queryRawUnsafe: (async (_: string, __: string, ids: string[]) => ids.map((event_id) => ({ event_id }))) as SqlClient['$queryRawUnsafe'],
};

async function serviceWith(...controllers: (new () => unknown)[]) {
  const runs: { events: readonly NewEvent[] }[] = [];
  const outbox = { run: async (work: (t: SqlClient) => Promise<{ events: readonly NewEvent[] }>) => runs.push(await work(transaction)) } as unknown as TransactionalOutbox<SqlClient>;
  @Module({
    controllers,
    providers: [
      DomainEventsServer,
      { provide: KAFKA, useValue: {} as Kafka },
      { provide: OUTBOX, useValue: outbox },
      { provide: SERVICE_CONFIG, useValue: {} },
      { provide: SERVICE_NAME, useValue: 'legal' },
    ],
  })
  class ServiceModule {}
  const app = await NestFactory.create(ServiceModule, { logger: false, abortOnError: false });
  const server = app.get(DomainEventsServer);
  // Unit tests feed batches to handle() themselves: the consumer does not reach for Kafka.
  Object.assign(server, { start: async () => undefined });
  return { app, runs, server };
}

describe('domain events the NestJS way', () => {
  beforeEach(() => (seen.length = 0));

  it('hands each @EventPattern handler the events of its type, with the transaction in @Ctx(), and stores what it causes', async () => {
    const { app, runs, server } = await serviceWith(ReferralsHandler);
    await handleDomainEvents(app);
    await server.handle([envelope('HotlineCallLogged'), envelope('CaseReferred')]);
    expect(seen).toEqual(['referred:true:true']);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.events.map((e) => e.event.type)).toEqual(['CaseClosed']);
  });

  it('passes over a batch no handler wants without opening a transaction or claiming anything', async () => {
    const { app, runs, server } = await serviceWith(ReferralsHandler);
    await handleDomainEvents(app);
    await server.handle([envelope('HotlineCallLogged'), envelope('CaseOpened')]);
    expect(runs).toEqual([]);
  });

  it("gives the consumer the handler's own error, so it can tell an outage from a bad event", async () => {
    const { app, server } = await serviceWith(FailingHandler);
    await handleDomainEvents(app);
    await expect(server.handle([envelope('CaseClosed')])).rejects.toThrow(new RangeError('the bad event'));
    await server.close();
  });

  it('fails loudly at start on a pattern that names no event, a request-response handler, or two handlers of one type', async () => {
    for (const [handlers, problem] of [
      [[TypoHandler], /names no event of the catalogue: CaseRefered/],
      [[RequestHandler], /@MessagePattern is not supported/],
      [[ReferralsHandler, SecondReferralsHandler], /more than one @EventPattern handler in the service for CaseReferred/],
      // Legal may not read outreach's topic (services.json, its Kafka ACLs).
      [[RaidsHandler], /legal handles RaidConducted from a topic services.json does not let it consume/],
    ] as const) {
      const { app } = await serviceWith(...handlers);
      await expect(handleDomainEvents(app)).rejects.toThrow(problem);
    }
  });

  it('refuses a second consumer in the same group', async () => {
    const { app, server } = await serviceWith(SecondReferralsHandler);
    await handleDomainEvents(app);
    await expect(handleDomainEvents(app)).rejects.toThrow(/already consuming/);
    await server.close();
  });
});
