import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access } from '@qorgau/auth';
import { RegionCodeSchema, type RegionCode } from '@qorgau/contracts';
import { ApiZodQuery, badRequest, ZodValidationPipe } from '@qorgau/platform';
import { ProjectionPrisma } from '../database/projection-prisma';
import { PROJECTION_CONFIG, type ProjectionConfig } from '../projection.config';
import { monthOf } from '../views/view-cells';
import { readFigures, type FiguresView } from './views-query';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');
const periodQuery = z
  .object({
    month: month.optional().describe('One month, YYYY-MM; the default is the current month'),
    from: month.optional().describe('First month of a range, YYYY-MM (with to)'),
    to: month.optional().describe('Last month of a range, YYYY-MM (with from)'),
  })
  .strict();
type PeriodQuery = z.output<typeof periodQuery>;

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
  @ApiOkResponse({ description: 'Figures for the period' })
  national(@Query(new ZodValidationPipe(periodQuery)) query: PeriodQuery): Promise<FiguresView> {
    return readFigures(this.prisma, this.period(query));
  }

  @Get('regions/:region')
  @Access({ roles: ['HQ_ANALYST', 'REGIONAL_MANAGER'], region: { param: 'region' } })
  @ApiOperation({ summary: "One region's figures" })
  @ApiParam({ name: 'region', description: 'ISO 3166-2:KZ code, e.g. KZ-79' })
  @ApiZodQuery(periodQuery)
  region(@Param('region') region: string, @Query(new ZodValidationPipe(periodQuery)) query: PeriodQuery): Promise<FiguresView> {
    const code = RegionCodeSchema.safeParse(region);
    if (!code.success) throw badRequest([{ field: 'region', message: 'must be an ISO 3166-2:KZ region code such as KZ-79' }]);
    return readFigures(this.prisma, { ...this.period(query), region: code.data as RegionCode });
  }

  private period(query: PeriodQuery): { from: string; to: string } {
    if (query.month && (query.from || query.to)) throw badRequest([{ field: 'month', message: 'give either month or from and to, not both' }]);
    if (query.month) return { from: query.month, to: query.month };
    if (query.from || query.to) {
      if (!query.from || !query.to) throw badRequest([{ field: query.from ? 'to' : 'from', message: 'from and to go together' }]);
      if (query.from > query.to) throw badRequest([{ field: 'from', message: 'must not be after to' }]);
      return { from: query.from, to: query.to };
    }
    const current = monthOf(new Date().toISOString(), this.config.REPORTING_TIME_ZONE);
    return { from: current, to: current };
  }
}
