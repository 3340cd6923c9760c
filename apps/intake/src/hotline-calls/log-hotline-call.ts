import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import type { TransactionalOutbox } from '@qorgau/messaging';
import type { RequestContext } from '@qorgau/platform';
import { audit, binding, OUTBOX, PersonalData, violationToHttp } from '@qorgau/service-kit';
import type { IntakeTx } from '../database/intake-prisma.service';
import { logHotlineCall, type HotlineCall } from './hotline-call.decider';
import type { LogHotlineCallRequest } from './log-hotline-call.request';

/** Logs a call and announces it, in one transaction. */
@Injectable()
export class LogHotlineCall {
  constructor(
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<IntakeTx>,
    private readonly personal: PersonalData,
  ) {}

  async execute(request: LogHotlineCallRequest, context: RequestContext, operator: Principal): Promise<HotlineCall> {
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
    if (!decision.ok) throw violationToHttp(decision.violations);
    const { call, event } = decision.value;

    return this.outbox.run(async (tx) => {
      const { callerName, callerPhone, notes, ...categories } = call;
      const person = callerName || callerPhone || notes ? await this.personal.newPerson(tx) : null;
      const seal = (field: string, value: string | null) => (person ? this.personal.seal(person.key, binding('hotline_call', call.id, field), value) : null);
      await tx.hotlineCall.create({
        data: {
          ...categories,
          topics: [...call.topics],
          referrals: [...call.referrals],
          loggedBy: operator.subject,
          personKeyId: person?.id ?? null,
          callerName: seal('caller_name', callerName),
          callerPhone: seal('caller_phone', callerPhone),
          notes: seal('notes', notes),
        },
      });
      await audit(tx, operator, context, 'CREATE', { type: 'HOTLINE_CALL', id: call.id }, 'LogHotlineCall');
      return {
        result: call,
        events: [{ event, region: call.region, producer: 'intake', occurredAt: call.receivedAt, correlationId: context.correlationId }],
      };
    });
  }
}
