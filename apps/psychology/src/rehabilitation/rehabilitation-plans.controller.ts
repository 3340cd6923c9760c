import { randomUUID } from 'node:crypto';
import { Body, ConflictException, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, assertRegion, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ConsultationFormatSchema, RegionCodeSchema, RehabilitationOutcomeSchema, type DomainEvent, type RegionCode } from '@qorgau/contracts';
import type { TransactionalOutbox } from '@qorgau/messaging';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, badRequest, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { announce, audit, binding, OUTBOX, PersonalData, pastTimestampField, personalText, UuidParam, violationToHttp } from '@qorgau/service-kit';
import { PsychologyPrisma, type PsychologyTx } from '../database/psychology-prisma';
import { decide, type Step } from './rehabilitation-plan.decider';

const assessmentRequest = z.object({ assessedAt: pastTimestampField.optional(), note: personalText(8000).optional().describe('Encrypted; psychologists only') }).strict();
const sessionRequest = z.object({ heldAt: pastTimestampField.optional(), format: ConsultationFormatSchema, note: personalText(8000).optional().describe('Encrypted; psychologists only') }).strict();
const endingRequest = z.object({ endedAt: pastTimestampField.optional(), outcome: RehabilitationOutcomeSchema }).strict();
const queueQuery = z
  .object({
    region: RegionCodeSchema.optional().describe('Your region (the default)'),
    status: z.enum(['OPEN', 'ENDED']).optional().describe('Only plans still open, or only ended ones'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

const stepRecorded = z.object({ planId: z.uuid(), caseId: z.uuid(), step: z.enum(['Assess', 'HoldSession', 'End']), at: z.iso.datetime({ offset: true }) });
const planQueue = z.array(
  z.object({
    caseId: z.uuid(),
    planId: z.uuid(),
    region: RegionCodeSchema,
    openedAt: z.iso.datetime({ offset: true }),
    assessedAt: z.iso.datetime({ offset: true }).nullable(),
    sessions: z.number().int(),
    endedAt: z.iso.datetime({ offset: true }).nullable(),
    outcome: RehabilitationOutcomeSchema.nullable(),
  }),
);
const planDetails = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  region: RegionCodeSchema,
  openedAt: z.iso.datetime({ offset: true }),
  assessedAt: z.iso.datetime({ offset: true }).nullable(),
  assessmentNote: z.string().nullable().describe('Personal; psychologists only'),
  endedAt: z.iso.datetime({ offset: true }).nullable(),
  outcome: RehabilitationOutcomeSchema.nullable(),
  sessions: z.array(z.object({ id: z.uuid(), heldAt: z.iso.datetime({ offset: true }), format: ConsultationFormatSchema, note: z.string().nullable().describe('Personal; psychologists only') })),
});

type Plan = NonNullable<Awaited<ReturnType<PsychologyTx['rehabilitationPlan']['findUnique']>>>;

@ApiTags('rehabilitation-plans')
@Controller('rehabilitation-plans')
export class RehabilitationPlansController {
  constructor(
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<PsychologyTx>,
    private readonly prisma: PsychologyPrisma,
    private readonly personal: PersonalData,
  ) {}

  @Post(':caseId/assessment')
  @ApiZodResponse(201, stepRecorded, 'The step is recorded and announced')
  @HttpCode(201)
  @Access({ roles: ['PSYCHOLOGIST'], region: 'record' })
  @ApiOperation({ summary: "Record the victim's initial assessment", description: 'Announced as RehabilitationAssessed.' })
  @ApiZodBody(assessmentRequest)
  @ApiNotFoundResponse({ description: 'The case was not referred to psychology' })
  @ApiConflictResponse({ description: 'Already assessed, or the rehabilitation ended' })
  assess(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(assessmentRequest)) request: z.output<typeof assessmentRequest>,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    const at = request.assessedAt ?? context.now.toISOString();
    return this.step(caseId, { kind: 'Assess', at: new Date(at) }, context, principal, async (tx, plan) => {
      const note = request.note ? this.personal.seal(await this.planKey(tx, plan), binding('rehabilitation_plan', plan.id, 'assessment_note'), request.note) : null;
      await tx.rehabilitationPlan.update({ where: { id: plan.id }, data: { assessedAt: new Date(at), assessmentNote: note } });
      return { type: 'RehabilitationAssessed', payload: { planId: plan.id, caseId, assessedAt: at } };
    });
  }

  @Post(':caseId/sessions')
  @ApiZodResponse(201, stepRecorded, 'The step is recorded and announced')
  @HttpCode(201)
  @Access({ roles: ['PSYCHOLOGIST'], region: 'record' })
  @ApiOperation({ summary: 'Record a rehabilitation session', description: 'Announced as RehabilitationSessionHeld.' })
  @ApiZodBody(sessionRequest)
  @ApiNotFoundResponse({ description: 'The case was not referred to psychology' })
  @ApiConflictResponse({ description: 'Not assessed yet, or the rehabilitation ended' })
  session(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(sessionRequest)) request: z.output<typeof sessionRequest>,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    const at = request.heldAt ?? context.now.toISOString();
    return this.step(caseId, { kind: 'HoldSession', at: new Date(at) }, context, principal, async (tx, plan) => {
      const id = randomUUID();
      const note = request.note ? this.personal.seal(await this.planKey(tx, plan), binding('rehabilitation_session', id, 'note'), request.note) : null;
      await tx.rehabilitationSession.create({ data: { id, planId: plan.id, heldAt: new Date(at), format: request.format, note, createdBy: principal.subject } });
      return { type: 'RehabilitationSessionHeld', payload: { planId: plan.id, caseId, heldAt: at, format: request.format } };
    });
  }

  @Post(':caseId/ending')
  @ApiZodResponse(201, stepRecorded, 'The step is recorded and announced')
  @HttpCode(201)
  @Access({ roles: ['PSYCHOLOGIST'], region: 'record' })
  @ApiOperation({ summary: 'End the rehabilitation: completed or discontinued', description: 'Announced as RehabilitationEnded.' })
  @ApiZodBody(endingRequest)
  @ApiNotFoundResponse({ description: 'The case was not referred to psychology' })
  @ApiConflictResponse({ description: 'Already ended, or completed without a session' })
  end(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(endingRequest)) request: z.output<typeof endingRequest>,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    const at = request.endedAt ?? context.now.toISOString();
    return this.step(caseId, { kind: 'End', at: new Date(at), outcome: request.outcome }, context, principal, async (tx, plan, sessions) => {
      await tx.rehabilitationPlan.update({ where: { id: plan.id }, data: { endedAt: new Date(at), outcome: request.outcome } });
      return { type: 'RehabilitationEnded', payload: { planId: plan.id, caseId, endedAt: at, outcome: request.outcome, sessions } };
    });
  }

  @Get()
  @Access({ roles: ['PSYCHOLOGIST'], region: { query: 'region' } })
  @ApiOperation({ summary: "The psychologist's queue: rehabilitation plans of the region, newest first, with their stage (no notes)" })
  @ApiZodQuery(queueQuery)
  @ApiZodResponse(200, planQueue, 'The plans, with their stage')
  async queue(@Query(new ZodValidationPipe(queueQuery)) query: z.output<typeof queueQuery>, @CurrentPrincipal() principal: Principal) {
    const region = query.region ?? principal.region;
    if (!region) throw badRequest([{ field: 'region', message: 'name the region whose plans to list' }]);
    const ended = query.status === 'ENDED' ? { not: null } : query.status === 'OPEN' ? null : undefined;
    const rows = await this.prisma.rehabilitationPlan.findMany({
      where: { region, ...(ended !== undefined ? { endedAt: ended } : {}) },
      orderBy: { openedAt: 'desc' },
      take: query.limit,
      include: { _count: { select: { sessions: true } } },
    });
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

  @Get(':caseId')
  @Access({ roles: ['PSYCHOLOGIST'], region: 'record' })
  @ApiOperation({ summary: 'Read a rehabilitation plan with its sessions and notes (psychologists only; audited)' })
  @ApiNotFoundResponse({ description: 'The case was not referred to psychology' })
  @ApiZodResponse(200, planDetails, 'The plan, its sessions and notes')
  async read(@Param('caseId', new UuidParam('caseId')) caseId: string, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    const plan = await this.load(this.prisma, caseId, principal);
    await audit(this.prisma, principal, context, 'READ', { type: 'REHABILITATION_PLAN', id: plan.id }, 'ReadRehabilitationPlan');
    const sessions = await this.prisma.rehabilitationSession.findMany({ where: { planId: plan.id }, orderBy: { heldAt: 'asc' } });
    const key = await this.personal.keyOf(this.prisma, plan.personKeyId);
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

  /** One step of the plan: loaded under a row lock, ruled by the pure decider, stored, audited and announced together. */
  private step(caseId: string, step: Step, context: RequestContext, principal: Principal, store: (tx: PsychologyTx, plan: Plan, sessions: number) => Promise<DomainEvent>) {
    return this.outbox.run(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM rehabilitation_plan WHERE case_id = ${caseId}::uuid FOR UPDATE`;
      const plan = await this.load(tx, caseId, principal);
      const sessions = await tx.rehabilitationSession.count({ where: { planId: plan.id } });
      const decision = decide({ openedAt: plan.openedAt, assessedAt: plan.assessedAt, sessions, endedAt: plan.endedAt }, step);
      if (!decision.ok) throw violationToHttp(decision.violations);
      const event = await store(tx, plan, step.kind === 'HoldSession' ? sessions + 1 : sessions);
      await audit(tx, principal, context, 'UPDATE', { type: 'REHABILITATION_PLAN', id: plan.id }, step.kind);
      return { result: { planId: plan.id, caseId, step: step.kind, at: step.at.toISOString() }, events: announce('psychology', plan.region as RegionCode, context, event) };
    });
  }

  private async load(db: Pick<PsychologyTx, 'rehabilitationPlan'>, caseId: string, principal: Principal): Promise<Plan> {
    const plan = await db.rehabilitationPlan.findUnique({ where: { caseId } });
    if (!plan) throw new NotFoundException({ statusCode: 404, message: `case ${caseId} has not been referred to psychology (refer it in intake first)` });
    assertRegion(principal, plan.region as RegionCode);
    return plan;
  }

  /** The plan's person key, made when its first note arrives; refused once erased. */
  private async planKey(tx: PsychologyTx, plan: Plan): Promise<Buffer> {
    const existing = await this.personal.keyOf(tx, plan.personKeyId);
    if (existing) return existing;
    if (plan.personKeyId) throw new ConflictException({ statusCode: 409, message: "this person's data was erased; no new note can be recorded" });
    const person = await this.personal.newPerson(tx);
    await tx.rehabilitationPlan.update({ where: { id: plan.id }, data: { personKeyId: person.id } });
    return person.key;
  }
}
