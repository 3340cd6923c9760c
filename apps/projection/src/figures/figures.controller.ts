import { Controller, Get, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { RegionCodeSchema } from '@qorgau/contracts';
import { ApiZodQuery, ApiZodResponse, badRequest, ZodValidationPipe } from '@qorgau/platform';
import { ProjectionPrisma } from '../database/projection-prisma';
import { periodOf, periodQuery, type PeriodQuery } from '../period-query';
import { PROJECTION_CONFIG, type ProjectionConfig } from '../projection.config';
import { readFigures, type FiguresView } from './figures.query';
import { dashboardTag, readDashboard, type DashboardView } from './dashboard.query';
import { dashboardQuery, dashboardView, figuresView } from './figures.responses';

/** Every 4P indicator by region and period: national for HQ, a region's for its manager. */
@ApiTags('views')
@Controller('views')
export class FiguresController {
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
    return readFigures(this.prisma, periodOf(query, this.config));
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
    return readFigures(this.prisma, { ...periodOf(query, this.config), region: code.data });
  }

  /**
   * The live dashboard's data in one answer, versioned by an ETag: a dashboard that asks again with
   * If-None-Match gets 304 and no body until an event is applied, so polling every second costs a
   * freshness lookup and two small aggregates, not a transfer.
   */
  @Get('dashboard')
  @Access({ roles: ['HQ_ANALYST', 'REGIONAL_MANAGER'], region: { query: 'region' } })
  @ApiOperation({
    summary: 'The 4P dashboard: the figures of the country (HQ) or of one region, with every indicator by region and by month',
    description: 'Send If-None-Match with the last ETag: 304 while nothing changed. A regional manager sees their own region (the default for them).',
  })
  @ApiZodQuery(periodQuery.extend(dashboardQuery.shape))
  @ApiZodResponse(200, dashboardView, 'The dashboard for the period; ETag names its version')
  async dashboard(
    @Query(new ZodValidationPipe(periodQuery.extend(dashboardQuery.shape))) query: PeriodQuery & { region?: string },
    @CurrentPrincipal() principal: Principal,
    @Headers('if-none-match') seen: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DashboardView | undefined> {
    const { region, ...period } = query;
    const view = await readDashboard(this.prisma, { ...periodOf(period, this.config), ...((region ?? principal.region) ? { region: RegionCodeSchema.parse(region ?? principal.region) } : {}) });
    const tag = dashboardTag(view);
    response.setHeader('ETag', tag);
    response.setHeader('Cache-Control', 'private, no-cache');
    if (seen === tag) {
      response.status(304);
      return undefined;
    }
    return view;
  }
}
