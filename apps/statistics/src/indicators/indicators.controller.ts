import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { Access, ROLES } from '@qorgau/auth';
import { INDICATOR_CATALOGUE_VERSION, INDICATORS, measureOf, PILLARS } from '@qorgau/contracts';
import { ApiZodResponse } from '@qorgau/platform';
import { sdmxStructureMessage } from '../exports/sdmx-structure';
import { OFFICIAL_MEASURES } from '../official-statistics/official-measures';

const breakdown = z.object({ dimension: z.string(), label: z.string(), multiple: z.literal(true).optional() });
const catalogue = z.object({
  version: z.number().int(),
  indicators: z.array(
    z.object({
      code: z.string(),
      pillar: z.enum(PILLARS),
      title: z.string(),
      unit: z.string(),
      measure: z
        .object({ kind: z.enum(['FLOW', 'STOCK', 'AVERAGE']), of: z.string().optional(), per: z.string().optional() })
        .describe("FLOW: the facts of the period added up; STOCK: the balance on the period's last day; AVERAGE: one indicator's figure per another's (of, per), rounded"),
      countsPeople: z.boolean(),
      breakdowns: z.array(breakdown),
      events: z.array(z.string()),
    }),
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
      indicators: INDICATORS.map(({ sources, ...indicator }) => ({ ...indicator, measure: measureOf(indicator), events: [...new Set(sources.map((s) => s.event))] })),
      officialMeasures: OFFICIAL_MEASURES,
    };
  }

  @Get('sdmx-structure')
  @Access({ roles: ROLES })
  @ApiOperation({
    summary: 'The catalogue as an SDMX data structure definition (DSD_4P) that every SDMX export of a report follows',
    description:
      'An SDMX-JSON 1.0 structure message: the concepts, a code list for every coded dimension (`_T` for totals), and DSD_4P with INDICATOR, REF_AREA, one dimension per breakdown and TIME_PERIOD. A partner loads it once per catalogue version.',
  })
  @ApiProduces('application/vnd.sdmx.structure+json')
  @ApiOkResponse({
    description: 'The structure message, as an attachment',
    content: { 'application/vnd.sdmx.structure+json': { schema: { type: 'object', description: 'SDMX-JSON 1.0 structure message' } } },
  })
  structure(@Res() response: Response) {
    response
      .type('application/vnd.sdmx.structure+json; version=1.0')
      .attachment(`qorgau-DSD_4P-${INDICATOR_CATALOGUE_VERSION}.0.json`)
      .send(JSON.stringify(sdmxStructureMessage(INDICATOR_CATALOGUE_VERSION, new Date())));
  }
}
