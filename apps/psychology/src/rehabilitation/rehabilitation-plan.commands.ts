import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import { RegionCodeSchema, type DomainEvent } from '@qorgau/contracts';
import type { RequestContext } from '@qorgau/platform';
import { binding, Commands, found, lockRow, PersonalData, refused } from '@qorgau/service-kit';
import { PsychologyPrisma, type PsychologyTx } from '../database/psychology-prisma';
import { decide, type Step } from './rehabilitation-plan.decider';
import type { AssessmentRequest, EndingRequest, QueueQuery, SessionRequest } from './rehabilitation-plan.requests';

const RECORD = 'REHABILITATION_PLAN';
const notReferred = (caseId: string) => `case ${caseId} has not been referred to psychology (refer it in intake first)`;

type Plan = NonNullable<Awaited<ReturnType<PsychologyTx['rehabilitationPlan']['findUnique']>>>;

/** A victim's rehabilitation: assessment, sessions, ending. The steps are announced; the notes stay sealed here, for psychologists. */
@Injectable()
export class RehabilitationPlanCommands {
  constructor(
    private readonly commands: Commands<PsychologyTx>,
    private readonly prisma: PsychologyPrisma,
    private readonly personal: PersonalData,
  ) {}

  assess(caseId: string, request: AssessmentRequest, context: RequestContext, principal: Principal) {
    const at = request.assessedAt ?? context.now.toISOString();
    return this.step(caseId, { kind: 'Assess', at: new Date(at) }, context, principal, async (tx, plan) => {
      const note = request.note ? this.personal.seal(await this.planKey(tx, plan), binding('rehabilitation_plan', plan.id, 'assessment_note'), request.note) : null;
      await tx.rehabilitationPlan.update({ where: { id: plan.id }, data: { assessedAt: new Date(at), assessmentNote: note } });
      return { type: 'RehabilitationAssessed', payload: { planId: plan.id, caseId, assessedAt: at } };
    });
  }

  holdSession(caseId: string, request: SessionRequest, context: RequestContext, principal: Principal) {
    const at = request.heldAt ?? context.now.toISOString();
    return this.step(caseId, { kind: 'HoldSession', at: new Date(at) }, context, principal, async (tx, plan) => {
      const id = randomUUID();
      const note = request.note ? this.personal.seal(await this.planKey(tx, plan), binding('rehabilitation_session', id, 'note'), request.note) : null;
      await tx.rehabilitationSession.create({ data: { id, planId: plan.id, heldAt: new Date(at), format: request.format, note, createdBy: principal.subject } });
      return { type: 'RehabilitationSessionHeld', payload: { planId: plan.id, caseId, heldAt: at, format: request.format } };
    });
  }

  end(caseId: string, request: EndingRequest, context: RequestContext, principal: Principal) {
    const at = request.endedAt ?? context.now.toISOString();
    return this.step(caseId, { kind: 'End', at: new Date(at), outcome: request.outcome }, context, principal, async (tx, plan, sessions) => {
      await tx.rehabilitationPlan.update({ where: { id: plan.id }, data: { endedAt: new Date(at), outcome: request.outcome } });
      return { type: 'RehabilitationEnded', payload: { planId: plan.id, caseId, endedAt: at, outcome: request.outcome, sessions } };
    });
  }

  async queue(query: QueueQuery, context: RequestContext, principal: Principal) {
    const ended = query.status === 'ENDED' ? { not: null } : query.status === 'OPEN' ? null : undefined;
    const rows = await this.commands.list(principal, context, { type: RECORD, operation: 'ListRehabilitationPlans', what: 'plans' }, query.region, (region) =>
      this.prisma.rehabilitationPlan.findMany({
        where: { region, ...(ended !== undefined ? { endedAt: ended } : {}) },
        orderBy: { openedAt: 'desc' },
        take: query.limit,
        include: { _count: { select: { sessions: true } } },
      }),
    );
    return rows.map((row) => ({
      caseId: row.caseId,
      planId: row.id,
      region: row.region,
      openedAt: row.openedAt.toISOString(),
      assessedAt: row.assessedAt?.toISOString() ?? null,
      sessions: row._count.sessions,
      endedAt: row.endedAt?.toISOString() ?? null,
      outcome: row.outcome,
    }));
  }

  async read(caseId: string, context: RequestContext, principal: Principal) {
    const plan = await this.commands.read(principal, context, { type: RECORD, operation: 'ReadRehabilitationPlan', missing: notReferred(caseId) }, () =>
      this.prisma.rehabilitationPlan.findUnique({ where: { caseId } }),
    );
    const sessions = await this.prisma.rehabilitationSession.findMany({ where: { planId: plan.id }, orderBy: { heldAt: 'asc' } });
    const key = await this.personal.keyOf(plan.personKeyId);
    return {
      id: plan.id,
      caseId,
      region: plan.region,
      openedAt: plan.openedAt.toISOString(),
      assessedAt: plan.assessedAt?.toISOString() ?? null,
      assessmentNote: this.personal.open(key, binding('rehabilitation_plan', plan.id, 'assessment_note'), plan.assessmentNote),
      endedAt: plan.endedAt?.toISOString() ?? null,
      outcome: plan.outcome,
      sessions: sessions.map((s) => ({ id: s.id, heldAt: s.heldAt.toISOString(), format: s.format, note: this.personal.open(key, binding('rehabilitation_session', s.id, 'note'), s.note) })),
    };
  }

  /** One step of the plan: loaded under a row lock, ruled by the pure decider, then stored, audited and announced together. */
  private step(caseId: string, step: Step, context: RequestContext, principal: Principal, store: (tx: PsychologyTx, plan: Plan, sessions: number) => Promise<DomainEvent>) {
    return this.commands.run(principal, context, 'UPDATE', { type: RECORD, operation: step.kind }, async (tx) => {
      const referred = found(await tx.rehabilitationPlan.findUnique({ where: { caseId }, select: { id: true, region: true } }), notReferred(caseId), principal);
      // Read again under the row lock, so two psychologists' steps on one plan take turns and each sees the other's.
      await lockRow(tx, 'rehabilitation_plan', referred.id);
      const plan = await tx.rehabilitationPlan.findUniqueOrThrow({ where: { id: referred.id } });
      const sessions = await tx.rehabilitationSession.count({ where: { planId: plan.id } });
      const decision = decide({ openedAt: plan.openedAt, assessedAt: plan.assessedAt, sessions, endedAt: plan.endedAt }, step);
      if (!decision.ok) refused(decision.violations);
      const event = await store(tx, plan, step.kind === 'HoldSession' ? sessions + 1 : sessions);
      return { region: RegionCodeSchema.parse(plan.region), recordId: plan.id, result: { planId: plan.id, caseId, step: step.kind, at: step.at.toISOString() }, events: [event] };
    });
  }

  /** The plan's person key, made when its first note arrives; refused once erased. */
  private planKey(tx: PsychologyTx, plan: Plan): Promise<Buffer> {
    return this.personal.keyForRecord(tx, 'rehabilitation_plan', plan.id, plan.personKeyId);
  }
}
