import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access } from '@qorgau/auth';
import { RegionCodeSchema } from '@qorgau/contracts';
import { ApiZodQuery, ApiZodResponse, badRequest, ZodValidationPipe } from '@qorgau/platform';
import { ProjectionPrisma } from '../database/projection-prisma';
import { periodOf, periodQuery, type PeriodQuery } from '../period-query';
import { PROJECTION_CONFIG, type ProjectionConfig } from '../projection.config';
import { readFigures, type FiguresView } from './figures.query';
import { figuresView } from './figures.responses';

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
}
