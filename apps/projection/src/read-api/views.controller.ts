import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Access, assertRegion, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { RegionCodeSchema } from '@qorgau/contracts';
import { ApiZodQuery, ApiZodResponse, badRequest, ZodValidationPipe } from '@qorgau/platform';
import { UuidParam } from '@qorgau/service-kit';
import { ProjectionPrisma } from '../database/projection-prisma';
import { PROJECTION_CONFIG, type ProjectionConfig } from '../projection.config';
import { monthOf } from '../views/view-cells';
import { periodQuery, reportingPeriod, type PeriodQuery, type ReportingPeriod } from './reporting-period';
import { readCaseHistory, readCaseProgress, type CaseHistoryView, type CaseProgressView } from './case-progress-query';
import { readFigures, type FiguresView } from './views-query';
import { caseHistoryView, caseProgressView, figuresView } from './views.responses';

const progressQuery = periodQuery.extend({ region: RegionCodeSchema.optional().describe('One region (ISO 3166-2:KZ); all regions for HQ when absent') });
type ProgressQuery = z.output<typeof progressQuery>;

@ApiTags('views')
@Controller('views')
export class ViewsController {
  constructor(
    private readonly prisma: ProjectionPrisma,
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
  ) {}

  @Get('national')
  @Access({ roles: ['HQ_ANALYST'] })
  @ApiOperation({ summary: 'National figures: every region added up', description: 'Counts, breakdowns and shares; aggregates only, no case-level data.' })
  @ApiZodQuery(periodQuery)
  @ApiZodResponse(200, figuresView, 'Figures for the period')
  national(@Query(new ZodValidationPipe(periodQuery)) query: PeriodQuery): Promise<FiguresView> {
    return readFigures(this.prisma, this.period(query));
  }

  @Get('regions/:region')
  @Access({ roles: ['HQ_ANALYST', 'REGIONAL_MANAGER'], region: { param: 'region' } })
  @ApiOperation({ summary: "One region's figures" })
  @ApiParam({ name: 'region', description: 'ISO 3166-2:KZ code, e.g. KZ-79' })
  @ApiZodQuery(periodQuery)
  @ApiZodResponse(200, figuresView, "The region's figures for the period")
  region(@Param('region') region: string, @Query(new ZodValidationPipe(periodQuery)) query: PeriodQuery): Promise<FiguresView> {
    const code = RegionCodeSchema.safeParse(region);
    if (!code.success) throw badRequest([{ field: 'region', message: 'must be an ISO 3166-2:KZ region code such as KZ-79' }]);
    return readFigures(this.prisma, { ...this.period(query), region: code.data });
  }

  @Get('case-progress')
  @Access({ roles: ['HQ_ANALYST', 'REGIONAL_MANAGER'], region: { query: 'region' } })
  @ApiOperation({
    summary: 'How far the cases opened in the period have come: identified → assisted → closed (returned home, reintegrated, …)',
    description:
      "HQ analysts get the funnel only, counts from 1 to 4 withheld (null). A regional manager gets their region's funnel and one row per case whose victim consented to case-level reporting: pseudonymous ids and months only.",
  })
  @ApiZodQuery(progressQuery)
  @ApiZodResponse(200, caseProgressView, 'The funnel and each case’s stages')
  caseProgress(@Query(new ZodValidationPipe(progressQuery)) query: ProgressQuery, @CurrentPrincipal() principal: Principal): Promise<CaseProgressView> {
    const { region, ...period } = query;
    // A regional manager is held to their region even when the query names none.
    const scope = region ?? principal.region ?? undefined;
    if (scope) assertRegion(principal, scope);
    // Case rows stay with the case's own region; HQ gets the funnel, small counts withheld.
    const reader = { caseRows: principal.role === 'REGIONAL_MANAGER', suppressBelow: this.config.SUPPRESSION_THRESHOLD };
    return readCaseProgress(this.prisma, { ...this.period(period), ...(scope ? { region: scope } : {}) }, reader);
  }

  @Get('case-progress/:caseId')
  @Access({ roles: ['REGIONAL_MANAGER'], region: 'record' })
  @ApiOperation({
    summary: "One case's progress and history across services: referral, legal assistance, repatriation, rehabilitation, verdict, closure",
    description: "The case's own regional manager only, and only with the victim's consent to case-level reporting. Months and categories; no personal data.",
  })
  @ApiParam({ name: 'caseId', description: 'The pseudonymous case id' })
  @ApiZodResponse(200, caseHistoryView, 'The case’s stages and history, in months and categories')
  async caseHistory(@Param('caseId', new UuidParam('caseId')) caseId: string, @CurrentPrincipal() principal: Principal): Promise<CaseHistoryView> {
    const view = await readCaseHistory(this.prisma, caseId);
    if (!view) throw new NotFoundException({ statusCode: 404, message: `no case ${caseId} in the views` });
    assertRegion(principal, view.region);
    return view;
  }

  private period(query: PeriodQuery): ReportingPeriod {
    const period = reportingPeriod(query, monthOf(new Date().toISOString(), this.config.REPORTING_TIME_ZONE));
    if (Array.isArray(period)) throw badRequest(period);
    return period;
  }
}
