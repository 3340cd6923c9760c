import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { assertRegion, type Principal } from '@qorgau/auth';
import { INDICATOR_CATALOGUE_VERSION, PeriodKindSchema, periodBounds, periodProblem, RegionCodeSchema, type PeriodKind, type RegionCode, NATIONAL, type ReportingScope } from '@qorgau/contracts';
import { badRequest, type RequestContext } from '@qorgau/platform';
import { Commands, lockRow, refused, SERVICE_CONFIG } from '@qorgau/service-kit';
import { StatisticsPrisma, type StatisticsTx } from '../database/statistics-prisma';
import { suppress, type Cell } from '../exports/suppression';
import { officialCells } from '../official-statistics/official-statistics.controller';
import type { StatisticsConfig } from '../statistics.config';
import { INDICATOR_LABELS, suppressionRules } from './indicator-labels';
import { ProjectionClient } from './projection-client';
import { review, type ReportStatus } from './report.decider';
import type { ListQuery, ReportRequest } from './report.requests';
import { summary, view, type ReportRow } from './report.responses';

/** Every event names a region: a national report is announced from the capital, where HQ sits (Astana). */
const HQ_REGION: RegionCode = 'KZ-71';

/**
 * Reports under review: drafted from the projection's views and the official statistics, recomputed
 * while a draft, approved (figures frozen), submitted (an immutable snapshot, announced), exported
 * with small cells withheld.
 */
@Injectable()
export class ReportCommands {
  constructor(
    private readonly commands: Commands<StatisticsTx>,
    private readonly prisma: StatisticsPrisma,
    private readonly projection: ProjectionClient,
    @Inject(SERVICE_CONFIG) private readonly config: StatisticsConfig,
  ) {}

  async draft(request: ReportRequest, authorization: string, principal: Principal) {
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

  async list(query: ListQuery, principal: Principal) {
    const scope = query.scope ?? principal.region ?? undefined;
    if (scope) assertRegion(principal, scope as RegionCode);
    const rows = await this.prisma.report.findMany({
      where: { ...(scope ? { scope } : {}), ...(query.status ? { status: query.status } : {}), ...(query.period ? { period: query.period } : {}) },
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
    return rows.map(summary);
  }

  async read(id: string, principal: Principal) {
    return view(await this.load(this.prisma, id, principal));
  }

  /** Figures are fetched outside the transaction (the projection may be slow); the draft is checked again under the lock. */
  async recompute(id: string, authorization: string, principal: Principal) {
    const report = await this.load(this.prisma, id, principal);
    this.allow(report, 'Recompute');
    const computed = await this.compute(report.scope, PeriodKindSchema.parse(report.periodKind), report.period, authorization);
    return this.prisma.$transaction(async (tx) => {
      this.allow(await this.lock(tx, id, principal), 'Recompute');
      return view(await tx.report.update({ where: { id }, data: { figures: computed.figures, official: computed.official, eventsApplied: computed.eventsApplied, computedAt: new Date() } }));
    });
  }

  approve(id: string, context: RequestContext, principal: Principal) {
    return this.commands.record(context, async (tx) => {
      const status = this.allow(await this.lock(tx, id, principal), 'Approve');
      const row = await tx.report.update({ where: { id }, data: { status, approvedBy: principal.subject, approvedAt: context.now } });
      return { region: announcedFrom(row), result: view(row) };
    });
  }

  submit(id: string, context: RequestContext, principal: Principal) {
    return this.commands.record(context, async (tx) => {
      const status = this.allow(await this.lock(tx, id, principal), 'Submit');
      const row = await tx.report.update({ where: { id }, data: { status, submittedBy: principal.subject, submittedAt: context.now } });
      const payload = {
        reportId: id,
        submittedAt: context.now.toISOString(),
        scope: row.scope,
        periodKind: PeriodKindSchema.parse(row.periodKind),
        period: row.period,
        catalogueVersion: row.catalogueVersion,
        figures: cellsOf(row).length,
      };
      return { region: announcedFrom(row), result: view(row), events: [{ type: 'ReportSubmitted' as const, payload }] };
    });
  }

  /** A reviewed report with every small cell withheld, ready for CSV or SDMX-JSON. */
  async exportOf(id: string, principal: Principal) {
    const report = await this.load(this.prisma, id, principal);
    this.allow(report, 'Export');
    const bounds = periodBounds(PeriodKindSchema.parse(report.periodKind), report.period);
    return {
      id,
      scope: report.scope,
      periodKind: PeriodKindSchema.parse(report.periodKind),
      period: report.period,
      periodStart: bounds.start,
      periodEnd: bounds.end,
      status: report.status,
      catalogueVersion: report.catalogueVersion,
      threshold: this.config.SUPPRESSION_THRESHOLD,
      cells: suppress(cellsOf(report), suppressionRules(this.config.SUPPRESSION_THRESHOLD)),
      indicators: INDICATOR_LABELS,
    };
  }

  /** The review workflow's rule for this step; the status it leads to. */
  private allow(report: ReportRow, step: Parameters<typeof review>[1]): ReportStatus {
    const decision = review(report.status as ReportStatus, step);
    if (!decision.ok) refused(decision.violations);
    return decision.value;
  }

  private async compute(scope: string, kind: PeriodKind, period: string, authorization: string) {
    const [figures, official] = await Promise.all([this.projection.figures(scope as ReportingScope, kind, period, authorization), officialCells(this.prisma, scope, kind, period)]);
    return { figures: figures.cells as unknown as object[], official: official as unknown as object[], eventsApplied: figures.eventsApplied };
  }

  private async load(db: Pick<StatisticsTx, 'report'>, id: string, principal: Principal): Promise<ReportRow> {
    const report = await db.report.findUnique({ where: { id } });
    if (!report) throw new NotFoundException({ statusCode: 404, message: `no report ${id}` });
    assertRegion(principal, report.scope as RegionCode);
    return report;
  }

  private async lock(tx: StatisticsTx, id: string, principal: Principal): Promise<ReportRow> {
    await lockRow(tx, 'report', id);
    return this.load(tx, id, principal);
  }
}

const cellsOf = (row: ReportRow): Cell[] => [...(row.figures as unknown as Cell[]), ...(row.official as unknown as Cell[])];
const announcedFrom = (row: ReportRow): RegionCode => (row.scope === NATIONAL ? HQ_REGION : RegionCodeSchema.parse(row.scope));
