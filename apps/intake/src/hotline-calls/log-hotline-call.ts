import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { auditEntry, type Principal } from '@qorgau/auth';
import type { RequestContext } from '@qorgau/platform';
import { INTAKE_OUTBOX, type IntakeOutbox } from '../events/events.module';
import { violationToHttp } from '../rule-violation.http';
import { logHotlineCall, type HotlineCall } from './hotline-call';
import type { LogHotlineCallRequest } from './log-hotline-call.request';

/** Logs a call and announces it, in one transaction. */
@Injectable()
export class LogHotlineCall {
  constructor(@Inject(INTAKE_OUTBOX) private readonly outbox: IntakeOutbox) {}

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
      await tx.hotlineCall.create({ data: { ...call, topics: [...call.topics], referrals: [...call.referrals], loggedBy: operator.subject } });
      await tx.auditEntry.create({ data: auditEntry(operator, context, 'CREATE', { type: 'HOTLINE_CALL', id: call.id }, 'LogHotlineCall') });
      return {
        result: call,
        events: [{ event, region: call.region, producer: 'intake', occurredAt: call.receivedAt, correlationId: context.correlationId }],
      };
    });
  }
}
