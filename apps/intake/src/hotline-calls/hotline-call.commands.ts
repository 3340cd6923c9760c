import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import type { RequestContext } from '@qorgau/platform';
import { auditListed, Commands, ErasePersonalData, PersonalData, refused, type ErasableRecord } from '@qorgau/service-kit';
import { IntakePrisma, type IntakeTx } from '../database/intake-prisma.service';
import { logHotlineCall, type HotlineCall } from './hotline-call.decider';
import type { LogHotlineCallRequest, RecentCallsQuery } from './hotline-call.requests';
import { summary } from './hotline-call.responses';

const TABLE = 'hotline_call';
const CALL: ErasableRecord = { table: TABLE, label: 'hotline call', recordType: 'HOTLINE_CALL', operation: 'EraseCaller' };

/** Hotline calls: the categories are announced; who called and what they said stay sealed here. */
@Injectable()
export class HotlineCallCommands {
  constructor(
    private readonly commands: Commands<IntakeTx>,
    private readonly prisma: IntakePrisma,
    private readonly personal: PersonalData,
    private readonly erasure: ErasePersonalData,
  ) {}

  log(request: LogHotlineCallRequest, context: RequestContext, operator: Principal): Promise<HotlineCall> {
    const decision = logHotlineCall(
      {
        id: randomUUID(),
        region: request.region,
        receivedAt: request.receivedAt ? new Date(request.receivedAt) : context.now,
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
      context.now,
    );
    if (!decision.ok) refused(decision.violations);
    const { call, event } = decision.value;
    return this.commands.run(operator, context, 'CREATE', { type: CALL.recordType, id: call.id, operation: 'LogHotlineCall' }, async (tx) => {
      const { callerName, callerPhone, notes, ...categories } = call;
      const sealed = await this.personal.sealNew(TABLE, call.id, { caller_name: callerName, caller_phone: callerPhone, notes });
      await tx.hotlineCall.create({
        data: {
          ...categories,
          topics: [...call.topics],
          referrals: [...call.referrals],
          loggedBy: operator.subject,
          personKeyId: sealed.personKeyId,
          callerName: sealed.caller_name,
          callerPhone: sealed.caller_phone,
          notes: sealed.notes,
        },
      });
      return { region: call.region, result: call, events: [event], occurredAt: call.receivedAt };
    });
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
