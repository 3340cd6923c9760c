import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import type { RequestContext } from '@qorgau/platform';
import type { z } from 'zod';
import { auditListed, Commands, ErasePersonalData, PersonalData, Imports, refused, type ErasableRecord, type ImportRequest, type ImportResult } from '@qorgau/service-kit';
import { IntakePrisma, type IntakeTx } from '../database/intake-prisma.service';
import { logHotlineCall, type HotlineCall, type LoggedHotlineCall } from './hotline-call.decider';
import type { LogHotlineCallRequest, RecentCallsQuery } from './hotline-call.requests';
import { summary } from './hotline-call.responses';

const TABLE = 'hotline_call';

type Decided = LoggedHotlineCall;

/** A request as the decider takes it: the call it would log under `id`, or why not. */
function decide(id: string, request: LogHotlineCallRequest, now: Date) {
  return logHotlineCall(
    {
      id,
      region: request.region,
      receivedAt: request.receivedAt ? new Date(request.receivedAt) : now,
      channel: request.channel,
      callerSex: request.callerSex,
      callerAgeBand: request.callerAgeBand,
      callerCategory: request.callerCategory,
      topics: request.topics,
      destinationCountry: request.destinationCountry,
      referrals: request.referrals,
      anonymous: request.anonymous,
      callerName: request.callerName ?? null,
      callerPhone: request.callerPhone ?? null,
      notes: request.notes ?? null,
    },
    now,
  );
}
const CALL: ErasableRecord = { table: TABLE, label: 'hotline call', recordType: 'HOTLINE_CALL', operation: 'EraseCaller' };

/** Hotline calls: the categories are announced; who called and what they said stay sealed here. */
@Injectable()
export class HotlineCallCommands {
  constructor(
    private readonly commands: Commands<IntakeTx>,
    private readonly prisma: IntakePrisma,
    private readonly personal: PersonalData,
    private readonly erasure: ErasePersonalData,
    private readonly imports: Imports<IntakeTx>,
  ) {}

  /** Logs a call; answers with its summary, the very answer an Idempotency-Key's retry is given. */
  log(request: LogHotlineCallRequest, context: RequestContext, operator: Principal): Promise<ReturnType<typeof summary>> {
    const decision = decide(randomUUID(), request, context.now);
    if (!decision.ok) refused(decision.violations);
    return this.commands.run(operator, context, 'CREATE', { type: CALL.recordType, id: decision.value.call.id, operation: 'LogHotlineCall' }, async (tx) => {
      const stored = await this.store(tx, decision.value, operator);
      return { ...stored, result: summary(stored.result) };
    });
  }

  /**
   * Calls from a spreadsheet (npm run import, the web's upload): each row read by the one-call schema
   * and decider, stored and announced as if logged one by one (see `Imports`).
   */
  import(request: ImportRequest, schema: z.ZodType<LogHotlineCallRequest>, context: RequestContext, operator: Principal): Promise<ImportResult> {
    return this.imports.run(
      {
        name: 'hotline-call',
        schema,
        regionOf: (call) => call.region,
        decide: (id, call, now) => decide(id, call, now),
        stored: async (ids) => (await this.prisma.hotlineCall.findMany({ where: { id: { in: [...ids] } }, select: { id: true } })).map((row) => row.id),
        store: async (tx, rows) => {
          // One statement for the chunk: a thousand single inserts would take the import past its time budget.
          await tx.hotlineCall.createMany({ data: await Promise.all(rows.map(({ decided }) => this.row(decided, operator))) });
          return rows.map(({ decided: { call, event } }) => ({ region: call.region, result: call, events: [event], occurredAt: call.receivedAt, recordId: call.id }));
        },
        audit: { type: CALL.recordType, operation: 'ImportHotlineCall' },
      },
      request,
      context,
      operator,
    );
  }

  private async store(tx: IntakeTx, decided: Decided, operator: Principal) {
    await tx.hotlineCall.create({ data: await this.row(decided, operator) });
    const { call, event } = decided;
    return { region: call.region, result: call, events: [event], occurredAt: call.receivedAt };
  }

  /** The call's row, its personal details sealed under a key of its own. */
  private async row({ call }: Decided, operator: Principal) {
    const { callerName, callerPhone, notes, ...categories } = call;
    const sealed = await this.personal.sealNew(TABLE, call.id, { caller_name: callerName, caller_phone: callerPhone, notes });
    return {
      ...categories,
      topics: [...call.topics],
      referrals: [...call.referrals],
      loggedBy: operator.subject,
      personKeyId: sealed.personKeyId,
      callerName: sealed.caller_name,
      callerPhone: sealed.caller_phone,
      notes: sealed.notes,
    };
  }

  async recent(query: RecentCallsQuery, context: RequestContext, principal: Principal) {
    const rows = await this.prisma.hotlineCall.findMany({ where: { region: query.region }, orderBy: { receivedAt: 'desc' }, take: query.limit });
    await auditListed(
      this.prisma,
      principal,
      context,
      CALL.recordType,
      rows.map((row) => row.id),
      'ListHotlineCalls',
    );
    return { calls: rows.map((row) => summary(row as HotlineCall)) };
  }

  async read(id: string, context: RequestContext, principal: Principal) {
    const call = await this.commands.read(principal, context, { type: CALL.recordType, operation: 'ReadHotlineCall', missing: `no hotline call ${id}` }, () =>
      this.prisma.hotlineCall.findUnique({ where: { id } }),
    );
    const opened = await this.personal.openAll(TABLE, id, call.personKeyId, { caller_name: call.callerName, caller_phone: call.callerPhone, notes: call.notes });
    return { ...summary(call as HotlineCall), callerName: opened.caller_name, callerPhone: opened.caller_phone, notes: opened.notes, personalDataErased: opened.personalDataErased };
  }

  erase(id: string, context: RequestContext, principal: Principal) {
    return this.erasure.execute(CALL, id, principal, context);
  }
}
