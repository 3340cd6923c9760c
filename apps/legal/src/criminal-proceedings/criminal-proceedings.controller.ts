import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, assertRegion, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { CriminalCodeArticleSchema, CriminalProceedingOpenedV1, ProceedingStageSchema, RegionCodeSchema, VerdictSchema, type RegionCode } from '@qorgau/contracts';
import type { TransactionalOutbox } from '@qorgau/messaging';
import { ApiZodBody, ApiZodResponse, badRequest, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { announce, ApiRegionalBody, audit, OUTBOX, pastTimestampField, RegionalBody, regionField, uniqueList, UuidParam, violationToHttp } from '@qorgau/service-kit';
import { LegalPrisma, type LegalTx } from '../database/legal-prisma';
import { advance, deliverVerdict, type CriminalProceeding, type Stage, type Verdict } from './criminal-proceeding.decider';

const articles = uniqueList(CriminalCodeArticleSchema, 10).min(1, 'name at least one article of the Criminal Code');

const openRequest = (regions: readonly RegionCode[]) =>
  z
    .object({
      region: regionField(regions),
      caseId: z.uuid().optional().describe("The victim's case in intake, when the proceedings concern one"),
      openedAt: pastTimestampField.optional(),
      stage: ProceedingStageSchema.default('COMPLAINT').describe('Where the proceedings stand when the NGO starts following them'),
      articles,
    })
    .strict();
const stageRequest = z.object({ stage: ProceedingStageSchema, at: pastTimestampField.optional(), articles: articles.optional().describe('The articles, when the charge changed') }).strict();
const verdictRequest = z
  .object({
    verdict: VerdictSchema,
    deliveredAt: pastTimestampField.optional(),
    sentenceYears: z.number().min(0).max(50).multipleOf(0.5, 'must be in half years').nullable().default(null).describe('Custodial sentence in years, for a conviction'),
  })
  .strict();

const ROLES = ['LAWYER'] as const;

const proceedingOpened = CriminalProceedingOpenedV1.extend({ id: z.uuid(), region: RegionCodeSchema, verdict: z.null() });
const proceedingView = z.object({
  id: z.uuid(),
  region: RegionCodeSchema,
  caseId: z.uuid().nullable(),
  openedAt: z.iso.datetime({ offset: true }),
  stage: ProceedingStageSchema,
  stageAt: z.iso.datetime({ offset: true }),
  articles: z.array(CriminalCodeArticleSchema),
  verdict: VerdictSchema.nullable(),
  sentenceYears: z.number().nullable(),
  deliveredAt: z.iso.datetime({ offset: true }).nullable(),
});

@ApiTags('criminal-proceedings')
@Controller('criminal-proceedings')
export class CriminalProceedingsController {
  constructor(
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<LegalTx>,
    private readonly prisma: LegalPrisma,
  ) {}

  @Post()
  @HttpCode(201)
  @Access({ roles: ROLES, region: { body: 'region' } })
  @ApiOperation({ summary: 'Start following criminal proceedings, with the Criminal Code articles involved', description: 'Announced as CriminalProceedingOpened.' })
  @ApiRegionalBody(openRequest)
  @ApiZodResponse(201, proceedingOpened, 'The proceedings as opened')
  open(@Body(RegionalBody(openRequest)) request: z.output<ReturnType<typeof openRequest>>, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    const id = randomUUID();
    const openedAt = request.openedAt ?? context.now.toISOString();
    return this.outbox.run(async (tx) => {
      // Proceedings are attached only to a case legal works on in the lawyer's own region: never to
      // another region's case, nor to a case id legal has not been given.
      if (request.caseId) {
        const assistance = await tx.caseAssistance.findUnique({ where: { caseId: request.caseId } });
        if (!assistance || assistance.region !== request.region) throw badRequest([{ field: 'caseId', message: `is not a case referred to legal in ${request.region}` }]);
      }
      await tx.criminalProceeding.create({
        data: {
          id,
          region: request.region,
          caseId: request.caseId ?? null,
          openedAt: new Date(openedAt),
          stage: request.stage,
          stageAt: new Date(openedAt),
          articles: request.articles,
          createdBy: principal.subject,
        },
      });
      await audit(tx, principal, context, 'CREATE', { type: 'CRIMINAL_PROCEEDING', id }, 'OpenProceeding');
      const payload = { proceedingId: id, caseId: request.caseId ?? null, openedAt, stage: request.stage, articles: request.articles };
      return { result: { id, region: request.region, ...payload, verdict: null }, events: announce('legal', request.region, context, { type: 'CriminalProceedingOpened', payload }) };
    });
  }

  @Post(':id/stage')
  @HttpCode(201)
  @Access({ roles: ROLES, region: 'record' })
  @ApiOperation({ summary: 'Move the proceedings to a later stage: investigation, prosecution, trial', description: 'Announced as CriminalProceedingAdvanced.' })
  @ApiZodBody(stageRequest)
  @ApiNotFoundResponse({ description: 'No proceedings with this id' })
  @ApiConflictResponse({ description: 'The stage is not later than the current one, or a verdict was delivered' })
  @ApiZodResponse(201, proceedingView, 'The proceedings at their new stage')
  advance(
    @Param('id', new UuidParam('id')) id: string,
    @Body(new ZodValidationPipe(stageRequest)) request: z.output<typeof stageRequest>,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.outbox.run(async (tx) => {
      const row = await this.loadForUpdate(tx, id, principal);
      const at = request.at ?? context.now.toISOString();
      const decision = advance(toProceeding(row), request.stage, new Date(at));
      if (!decision.ok) throw violationToHttp(decision.violations);
      const articleList = request.articles ?? row.articles;
      const updated = await tx.criminalProceeding.update({ where: { id }, data: { stage: decision.value.stage, stageAt: decision.value.stageAt, articles: articleList } });
      await audit(tx, principal, context, 'UPDATE', { type: 'CRIMINAL_PROCEEDING', id }, `AdvanceTo${request.stage}`);
      const payload = { proceedingId: id, caseId: row.caseId, advancedAt: at, stage: request.stage, articles: articleList };
      return { result: view(updated), events: announce('legal', row.region as RegionCode, context, { type: 'CriminalProceedingAdvanced', payload }) };
    });
  }

  @Post(':id/verdict')
  @HttpCode(201)
  @Access({ roles: ROLES, region: 'record' })
  @ApiOperation({ summary: 'Record the verdict: conviction (with the sentence) or acquittal', description: 'Announced as VerdictDelivered.' })
  @ApiZodBody(verdictRequest)
  @ApiNotFoundResponse({ description: 'No proceedings with this id' })
  @ApiConflictResponse({ description: 'The proceedings are not at trial, or a verdict was already delivered' })
  @ApiZodResponse(201, proceedingView, 'The proceedings with their verdict')
  verdict(
    @Param('id', new UuidParam('id')) id: string,
    @Body(new ZodValidationPipe(verdictRequest)) request: z.output<typeof verdictRequest>,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.outbox.run(async (tx) => {
      const row = await this.loadForUpdate(tx, id, principal);
      const at = request.deliveredAt ?? context.now.toISOString();
      const decision = deliverVerdict(toProceeding(row), request.verdict, request.sentenceYears, new Date(at));
      if (!decision.ok) throw violationToHttp(decision.violations);
      const updated = await tx.criminalProceeding.update({ where: { id }, data: { verdict: request.verdict, sentenceYears: request.sentenceYears, deliveredAt: new Date(at) } });
      await audit(tx, principal, context, 'UPDATE', { type: 'CRIMINAL_PROCEEDING', id }, 'DeliverVerdict');
      const payload = { proceedingId: id, caseId: row.caseId, deliveredAt: at, verdict: request.verdict, sentenceYears: request.sentenceYears, articles: row.articles };
      return { result: view(updated), events: announce('legal', row.region as RegionCode, context, { type: 'VerdictDelivered', payload }) };
    });
  }

  @Get(':id')
  @Access({ roles: [...ROLES, 'REGIONAL_MANAGER'], region: 'record' })
  @ApiOperation({ summary: 'Read criminal proceedings: stage, articles, verdict' })
  @ApiNotFoundResponse({ description: 'No proceedings with this id' })
  @ApiZodResponse(200, proceedingView, 'The proceedings')
  async read(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal) {
    const row = await this.prisma.criminalProceeding.findUnique({ where: { id } });
    if (!row) throw new NotFoundException({ statusCode: 404, message: `no criminal proceedings ${id}` });
    assertRegion(principal, row.region as RegionCode);
    return view(row);
  }

  private async loadForUpdate(tx: LegalTx, id: string, principal: Principal) {
    // The row lock serialises two lawyers recording the same proceedings.
    await tx.$executeRaw`SELECT 1 FROM criminal_proceeding WHERE id = ${id}::uuid FOR UPDATE`;
    const row = await tx.criminalProceeding.findUnique({ where: { id } });
    if (!row) throw new NotFoundException({ statusCode: 404, message: `no criminal proceedings ${id}` });
    assertRegion(principal, row.region as RegionCode);
    return row;
  }
}

type Row = {
  id: string;
  region: string;
  caseId: string | null;
  openedAt: Date;
  stage: string;
  stageAt: Date;
  articles: string[];
  verdict: string | null;
  sentenceYears: { toNumber(): number } | null;
  deliveredAt: Date | null;
};

const toProceeding = (row: Row): CriminalProceeding => ({ stage: row.stage as Stage, stageAt: row.stageAt, verdict: row.verdict as Verdict | null });

const view = (row: Row) => ({
  id: row.id,
  region: row.region,
  caseId: row.caseId,
  openedAt: row.openedAt.toISOString(),
  stage: row.stage,
  stageAt: row.stageAt.toISOString(),
  articles: row.articles,
  verdict: row.verdict,
  sentenceYears: row.sentenceYears?.toNumber() ?? null,
  deliveredAt: row.deliveredAt?.toISOString() ?? null,
});
