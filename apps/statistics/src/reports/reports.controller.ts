import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Inject, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Access, assertRegion, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { INDICATOR_CATALOGUE_VERSION, PeriodKindSchema, type PeriodKind, type RegionCode } from '@qorgau/contracts';
import type { TransactionalOutbox } from '@qorgau/messaging';
import { ApiZodQuery, ApiZodResponse, badRequest, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { announce, ApiRegionalBody, OUTBOX, RegionalBody, SERVICE_CONFIG, UuidParam, violationToHttp } from '@qorgau/service-kit';
import { StatisticsPrisma, type StatisticsTx } from '../database/statistics-prisma';
import { toCsv, toSdmxJson } from '../exports/report-export';
import { suppress, type Cell } from '../exports/suppression';
import { officialCells } from '../official-statistics/official-statistics.controller';
import type { StatisticsConfig } from '../statistics.config';
import { INDICATOR_LABELS, suppressionRules } from './indicator-labels';
import { ProjectionClient } from './projection-client';
import { review, type ReportStatus } from './report.decider';
import { periodBounds, periodProblem, reportingPeriodFields } from './reporting-period';

const scopeField = (regions: readonly RegionCode[]) => z.enum(['KZ', ...regions] as [string, ...string[]], { error: `must be KZ (national) or one of the project's regions: ${regions.join(', ')}` });

const reportRequest = (regions: readonly RegionCode[]) => z.object({ scope: scopeField(regions), ...reportingPeriodFields }).strict();
const exportQuery = z.object({ format: z.enum(['csv', 'sdmx-json']).default('csv') }).strict();
const listQuery = z
  .object({
    scope: z
      .string()
      .regex(/^(KZ|KZ-[0-9]{2})$/, 'must be KZ or a region code')
      .optional()
      .describe('KZ or a region (default: yours, or every scope for HQ)'),
    status: z.enum(['DRAFT', 'APPROVED', 'SUBMITTED']).optional(),
    period: z.string().max(8).optional().describe('2026, 2026-Q1 or 2026-03'),
  })
  .strict();

/** Every event names a region: a national report is announced from the capital, where HQ sits (Astana). */
const HQ_REGION: RegionCode = 'KZ-71';

/** Regional managers report on their region; HQ analysts on any region and the country. */
const REPORTERS = ['HQ_ANALYST', 'REGIONAL_MANAGER'] as const;

type ReportRow = NonNullable<Awaited<ReturnType<StatisticsTx['report']['findUnique']>>>;

/** A report as the API answers it (see summary and view below). */
const reportSummary = z.object({
  id: z.uuid(),
  scope: z.string().describe('KZ for a national report, or a region code'),
  periodKind: PeriodKindSchema,
  period: z.string(),
  status: z.enum(['DRAFT', 'APPROVED', 'SUBMITTED']),
  catalogueVersion: z.number().int(),
  computedAt: z.iso.datetime({ offset: true }),
  eventsApplied: z.number().int(),
  createdBy: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.iso.datetime({ offset: true }).nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.iso.datetime({ offset: true }).nullable(),
});
const reportView = reportSummary.extend({
  figures: z.record(
    z.string().describe('Indicator code'),
    z.object({
      pillar: z.string(),
      title: z.string(),
      unit: z.string(),
      total: z.number(),
      breakdowns: z.record(z.string(), z.record(z.string(), z.number())),
      regions: z.record(z.string(), z.number()).describe("Each region's total, in a national report"),
    }),
  ),
});

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<StatisticsTx>,
    private readonly prisma: StatisticsPrisma,
    private readonly projection: ProjectionClient,
    @Inject(SERVICE_CONFIG) private readonly config: StatisticsConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @Access({ roles: REPORTERS, region: { body: 'scope' } })
  @ApiOperation({
    summary: 'Draft a report for a region or the country (KZ) over a month, quarter or year',
    description: "Figures come from the projection's views, read with your own token, and official statistics entered for the same scope and period.",
  })
  @ApiRegionalBody(reportRequest)
  @ApiZodResponse(201, reportView, 'The draft, with its figures')
  @ApiServiceUnavailableResponse({ description: 'The projection is not reachable; nothing was stored' })
  async draft(@Body(RegionalBody(reportRequest)) request: z.output<ReturnType<typeof reportRequest>>, @Headers('authorization') authorization: string, @CurrentPrincipal() principal: Principal) {
    const problem = periodProblem(request.periodKind, request.period);
    if (problem) throw badRequest([{ field: 'period', message: problem }]);
    assertRegion(principal, request.scope as RegionCode);
    const computed = await this.compute(request.scope, request.periodKind, request.period, authorization);
    const row = await this.prisma.report.create({
      data: {
        id: randomUUID(),
        scope: request.scope,
        periodKind: request.periodKind,
        period: request.period,
        status: 'DRAFT',
        catalogueVersion: INDICATOR_CATALOGUE_VERSION,
        figures: computed.figures,
        official: computed.official,
        computedAt: new Date(),
        eventsApplied: computed.eventsApplied,
        createdBy: principal.subject,
      },
    });
    return view(row);
  }

  @Get()
  @Access({ roles: REPORTERS, region: { query: 'scope' } })
  @ApiOperation({ summary: 'Reports, newest first: a regional manager sees their region’s, HQ every scope (without figures)' })
  @ApiZodQuery(listQuery)
  @ApiZodResponse(200, z.array(reportSummary), 'Reports of the scope, newest first')
  async list(@Query(new ZodValidationPipe(listQuery)) query: z.output<typeof listQuery>, @CurrentPrincipal() principal: Principal) {
    const scope = query.scope ?? principal.region ?? undefined;
    if (scope) assertRegion(principal, scope as RegionCode);
    const rows = await this.prisma.report.findMany({
      where: { ...(scope ? { scope } : {}), ...(query.status ? { status: query.status } : {}), ...(query.period ? { period: query.period } : {}) },
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
    return rows.map(summary);
  }

  @Get(':id')
  @Access({ roles: REPORTERS, region: 'record' })
  @ApiOperation({ summary: 'Read a report with its figures, unsuppressed (for review inside the organisation)' })
  @ApiNotFoundResponse({ description: 'No report with this id' })
  @ApiZodResponse(200, reportView, 'The report with its figures')
  async read(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return view(await this.load(this.prisma, id, principal));
  }

  @Post(':id/recompute')
  @HttpCode(201)
  @Access({ roles: REPORTERS, region: 'record' })
  @ApiOperation({ summary: "Recompute a draft's figures from the views as they are now" })
  @ApiNotFoundResponse({ description: 'No report with this id' })
  @ApiConflictResponse({ description: 'The report is no longer a draft' })
  @ApiZodResponse(201, reportView, 'The draft with fresh figures')
  async recompute(@Param('id', new UuidParam('id')) id: string, @Headers('authorization') authorization: string, @CurrentPrincipal() principal: Principal) {
    const report = await this.load(this.prisma, id, principal);
    const decision = review(report.status as ReportStatus, 'Recompute');
    if (!decision.ok) throw violationToHttp(decision.violations);
    const computed = await this.compute(report.scope, report.periodKind as PeriodKind, report.period, authorization);
    return this.prisma.$transaction(async (tx) => {
      const current = await this.lock(tx, id, principal);
      const again = review(current.status as ReportStatus, 'Recompute');
      if (!again.ok) throw violationToHttp(again.violations);
      return view(await tx.report.update({ where: { id }, data: { figures: computed.figures, official: computed.official, eventsApplied: computed.eventsApplied, computedAt: new Date() } }));
    });
  }

  @Post(':id/approval')
  @HttpCode(201)
  @Access({ roles: REPORTERS, region: 'record' })
  @ApiOperation({ summary: 'Approve a draft after review: its figures are frozen from now on' })
  @ApiNotFoundResponse({ description: 'No report with this id' })
  @ApiConflictResponse({ description: 'The report is not a draft' })
  @ApiZodResponse(201, reportView, 'The approved report')
  approve(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    return this.outbox.run(async (tx) => {
      const report = await this.lock(tx, id, principal);
      const decision = review(report.status as ReportStatus, 'Approve');
      if (!decision.ok) throw violationToHttp(decision.violations);
      const row = await tx.report.update({ where: { id }, data: { status: decision.value, approvedBy: principal.subject, approvedAt: context.now } });
      return { result: view(row), events: [] };
    });
  }

  @Post(':id/submission')
  @HttpCode(201)
  @Access({ roles: REPORTERS, region: 'record' })
  @ApiOperation({ summary: 'Submit an approved report: it becomes an immutable snapshot', description: 'Announced as ReportSubmitted.' })
  @ApiNotFoundResponse({ description: 'No report with this id' })
  @ApiConflictResponse({ description: 'The report is not approved' })
  @ApiZodResponse(201, reportView, 'The submitted report: an immutable snapshot')
  submit(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    return this.outbox.run(async (tx) => {
      const report = await this.lock(tx, id, principal);
      const decision = review(report.status as ReportStatus, 'Submit');
      if (!decision.ok) throw violationToHttp(decision.violations);
      const row = await tx.report.update({ where: { id }, data: { status: decision.value, submittedBy: principal.subject, submittedAt: context.now } });
      const figures = (row.figures as unknown as Cell[]).length + (row.official as unknown as Cell[]).length;
      const region = (row.scope === 'KZ' ? HQ_REGION : row.scope) as RegionCode;
      const payload = {
        reportId: id,
        submittedAt: context.now.toISOString(),
        scope: row.scope,
        periodKind: row.periodKind as PeriodKind,
        period: row.period,
        catalogueVersion: row.catalogueVersion,
        figures,
      };
      return { result: view(row), events: announce('statistics', region, context, { type: 'ReportSubmitted', payload }) };
    });
  }

  @Get(':id/export')
  @Access({ roles: REPORTERS, region: 'record' })
  @ApiOperation({
    summary: 'Export a reviewed report as CSV or SDMX-JSON, with small cells withheld',
    description: 'Any count of people below the threshold (SUPPRESSION_THRESHOLD, default 5), and any cell from which it could be derived, is withheld and marked (confidentiality C or D).',
  })
  @ApiZodQuery(exportQuery)
  @ApiNotFoundResponse({ description: 'No report with this id' })
  @ApiConflictResponse({ description: 'The report is a draft' })
  @ApiProduces('text/csv', 'application/vnd.sdmx.data+json')
  @ApiOkResponse({
    description: 'The export, as an attachment: CSV (one row per cell, with its confidentiality) or an SDMX-JSON 1.0 data message',
    content: { 'text/csv': { schema: { type: 'string' } }, 'application/vnd.sdmx.data+json': { schema: { type: 'object', description: 'SDMX-JSON 1.0 data message' } } },
  })
  async export(
    @Param('id', new UuidParam('id')) id: string,
    @Query(new ZodValidationPipe(exportQuery)) query: z.output<typeof exportQuery>,
    @CurrentPrincipal() principal: Principal,
    @Res() response: Response,
  ) {
    const report = await this.load(this.prisma, id, principal);
    const decision = review(report.status as ReportStatus, 'Export');
    if (!decision.ok) throw violationToHttp(decision.violations);
    const cells = suppress([...(report.figures as unknown as Cell[]), ...(report.official as unknown as Cell[])], suppressionRules(this.config.SUPPRESSION_THRESHOLD));
    const bounds = periodBounds(report.periodKind as PeriodKind, report.period);
    const exported = {
      id,
      scope: report.scope,
      period: report.period,
      periodStart: bounds.start,
      periodEnd: bounds.end,
      status: report.status,
      catalogueVersion: report.catalogueVersion,
      threshold: this.config.SUPPRESSION_THRESHOLD,
      cells,
      indicators: INDICATOR_LABELS,
    };
    const name = `qorgau-${report.scope}-${report.period}`;
    if (query.format === 'csv') {
      response.type('text/csv; charset=utf-8').attachment(`${name}.csv`).send(toCsv(exported));
    } else {
      response
        .type('application/vnd.sdmx.data+json; version=1.0')
        .attachment(`${name}.json`)
        .send(JSON.stringify(toSdmxJson(exported, new Date())));
    }
  }

  private async compute(scope: string, kind: PeriodKind, period: string, authorization: string) {
    const [figures, official] = await Promise.all([this.projection.figures(scope as 'KZ' | RegionCode, kind, period, authorization), officialCells(this.prisma, scope, kind, period)]);
    return { figures: figures.cells as unknown as object[], official: official as unknown as object[], eventsApplied: figures.eventsApplied };
  }

  private async load(db: Pick<StatisticsTx, 'report'>, id: string, principal: Principal): Promise<ReportRow> {
    const report = await db.report.findUnique({ where: { id } });
    if (!report) throw new NotFoundException({ statusCode: 404, message: `no report ${id}` });
    assertRegion(principal, report.scope as RegionCode);
    return report;
  }

  private async lock(tx: StatisticsTx, id: string, principal: Principal): Promise<ReportRow> {
    await tx.$executeRaw`SELECT 1 FROM report WHERE id = ${id}::uuid FOR UPDATE`;
    return this.load(tx, id, principal);
  }
}

/** What a report is, without its figures. */
function summary(row: ReportRow) {
  return {
    id: row.id,
    scope: row.scope,
    periodKind: row.periodKind,
    period: row.period,
    status: row.status,
    catalogueVersion: row.catalogueVersion,
    computedAt: row.computedAt.toISOString(),
    eventsApplied: Number(row.eventsApplied),
    createdBy: row.createdBy,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

/** A report as people read it: each figure's total and breakdowns for the report's scope, and each region's total. */
function view(row: ReportRow) {
  const cells = [...(row.figures as unknown as Cell[]), ...(row.official as unknown as Cell[])];
  const figures: Record<string, { pillar: string; title: string; unit: string; total: number; breakdowns: Record<string, Record<string, number>>; regions: Record<string, number> }> = {};
  for (const cell of cells) {
    const label = INDICATOR_LABELS.get(cell.indicator);
    const figure = (figures[cell.indicator] ??= { pillar: label?.pillar ?? '', title: label?.title ?? cell.indicator, unit: label?.unit ?? '', total: 0, breakdowns: {}, regions: {} });
    if (cell.orgUnit !== row.scope) {
      if (cell.dimension === 'total') figure.regions[cell.orgUnit] = cell.count;
    } else if (cell.dimension === 'total') figure.total = cell.count;
    else (figure.breakdowns[cell.dimension] ??= {})[cell.value] = cell.count;
  }
  return { ...summary(row), figures };
}
