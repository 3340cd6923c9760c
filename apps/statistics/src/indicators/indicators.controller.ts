import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, ROLES } from '@qorgau/auth';
import { INDICATOR_CATALOGUE_VERSION, INDICATORS, PILLARS } from '@qorgau/contracts';
import { ApiZodResponse } from '@qorgau/platform';
import { OFFICIAL_MEASURES } from '../official-statistics/official-measures';

const breakdown = z.object({ dimension: z.string(), label: z.string(), multiple: z.literal(true).optional() });
const catalogue = z.object({
  version: z.number().int(),
  indicators: z.array(
    z.object({ code: z.string(), pillar: z.enum(PILLARS), title: z.string(), unit: z.string(), countsPeople: z.boolean(), breakdowns: z.array(breakdown), events: z.array(z.string()) }),
  ),
  officialMeasures: z.array(
    z.object({ code: z.string(), measure: z.string(), pillar: z.enum(PILLARS), title: z.string(), unit: z.string(), countsPeople: z.boolean(), breakdowns: z.array(breakdown) }),
  ),
});

@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController {
  @Get()
  @Access({ roles: ROLES })
  @ApiOperation({ summary: 'The 4P indicator catalogue: each indicator’s code, pillar, unit, breakdowns and the events it counts; and the official measures' })
  @ApiZodResponse(200, catalogue, 'The catalogue and the official measures')
  catalogue() {
    return {
      version: INDICATOR_CATALOGUE_VERSION,
      indicators: INDICATORS.map(({ sources, ...indicator }) => ({ ...indicator, events: [...new Set(sources.map((s) => s.event))] })),
      officialMeasures: OFFICIAL_MEASURES,
    };
  }
}
