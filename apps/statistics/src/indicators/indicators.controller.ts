import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ROLES } from '@qorgau/auth';
import { INDICATOR_CATALOGUE_VERSION, INDICATORS } from '@qorgau/contracts';
import { OFFICIAL_MEASURES } from '../official-statistics/official-measures';

@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController {
  @Get()
  @Access({ roles: ROLES })
  @ApiOperation({ summary: 'The 4P indicator catalogue: each indicator’s code, pillar, unit, breakdowns and the events it counts; and the official measures' })
  catalogue() {
    return {
      version: INDICATOR_CATALOGUE_VERSION,
      indicators: INDICATORS.map(({ sources, ...indicator }) => ({ ...indicator, events: [...new Set(sources.map((s) => s.event))] })),
      officialMeasures: OFFICIAL_MEASURES,
    };
  }
}
