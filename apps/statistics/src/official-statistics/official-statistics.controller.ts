import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { PeriodKindSchema, type PeriodKind, type RegionCode, periodProblem, TOTAL } from '@qorgau/contracts';
import type { SqlClient } from '@qorgau/messaging';
import { ApiZodResponse, badRequest, type FieldProblem } from '@qorgau/platform';
import { ApiRegionalBody, countField, RegionalBody } from '@qorgau/service-kit';
import { StatisticsPrisma } from '../database/statistics-prisma';
import type { Cell } from '../exports/suppression';
import { reportingPeriodFields } from '../reports/reporting-period';
import { CITIZENSHIP_GROUPS, MEASURES, NOT_SPECIFIED, OFFICIAL_SOURCES, officialMeasure } from './official-measures';

const officialRequest = (regions: readonly RegionCode[]) =>
  z
    .object({
      scope: z.enum(['KZ', ...regions] as [string, ...string[]], { error: `must be KZ (national) or one of the project's regions: ${regions.join(', ')}` }),
      ...reportingPeriodFields,
      measure: z.enum(MEASURES),
      source: z.enum(OFFICIAL_SOURCES).describe('The partner body the figure comes from'),
      total: countField(1_000_000),
      breakdowns: z
        .record(z.string().max(48), z.record(z.string().max(64), countField(1_000_000)))
        .default({})
        .describe(
          'Per dimension (exploitation_form, citizenship, citizenship_group: DOMESTIC or FOREIGN), the count for each value. A breakdown that says less than the total is completed with NOT_SPECIFIED; one that says more is refused',
        ),
    })
    .strict();

const officialFigure = z.object({
  id: z.uuid(),
  scope: z.string(),
  periodKind: PeriodKindSchema,
  period: z.string(),
  measure: z.enum(MEASURES),
  source: z.enum(OFFICIAL_SOURCES),
  total: z.number().int(),
  breakdowns: z.record(z.string(), z.record(z.string(), z.number().int())),
});

@ApiTags('official-statistics')
@Controller('official-statistics')
export class OfficialStatisticsController {
  constructor(private readonly prisma: StatisticsPrisma) {}

  @Post()
  @ApiZodResponse(201, officialFigure, 'The figure as entered')
  @HttpCode(201)
  @Access({ roles: ['HQ_ANALYST'] })
  @ApiOperation({
    summary: 'Enter an official figure from a partner body (investigations, prosecutions, convictions, victims identified) for a scope and period',
    description: 'Replaces an earlier entry of the same measure, scope and period. Reports drafted afterwards include it; submitted reports keep what they had.',
  })
  @ApiRegionalBody(officialRequest)
  async record(@Body(RegionalBody(officialRequest)) request: z.output<ReturnType<typeof officialRequest>>, @CurrentPrincipal() principal: Principal) {
    const problems = check(request);
    if (problems.length > 0) throw badRequest(problems);
    const data = { source: request.source, total: request.total, breakdowns: completed(request.total, request.breakdowns), recordedBy: principal.subject, recordedAt: new Date() };
    const row = await this.prisma.officialStatistic.upsert({
      where: { scope_periodKind_period_measure: { scope: request.scope, periodKind: request.periodKind, period: request.period, measure: request.measure } },
      create: { id: randomUUID(), scope: request.scope, periodKind: request.periodKind, period: request.period, measure: request.measure, ...data },
      update: data,
    });
    return { id: row.id, scope: row.scope, periodKind: row.periodKind, period: row.period, measure: row.measure, source: row.source, total: row.total, breakdowns: row.breakdowns };
  }
}

function check(request: z.output<ReturnType<typeof officialRequest>>): FieldProblem[] {
  const problem = periodProblem(request.periodKind, request.period);
  if (problem) return [{ field: 'period', message: problem }];
  const measure = officialMeasure(request.measure)!;
  const allowed = measure.breakdowns.map((b) => b.dimension);
  return Object.entries(request.breakdowns).flatMap(([dimension, values]): FieldProblem[] => {
    if (!allowed.includes(dimension)) return [{ field: `breakdowns.${dimension}`, message: `${request.measure} breaks down by ${allowed.join(', ')} only` }];
    const unknown = dimension === 'citizenship_group' ? Object.keys(values).filter((value) => ![...CITIZENSHIP_GROUPS, NOT_SPECIFIED].includes(value)) : [];
    if (unknown.length > 0) return [{ field: `breakdowns.${dimension}`, message: `is ${CITIZENSHIP_GROUPS.join(' or ')}, not ${unknown.join(', ')}` }];
    const sum = Object.values(values).reduce((a, b) => a + b, 0);
    return sum <= request.total ? [] : [{ field: `breakdowns.${dimension}`, message: `adds up to ${sum}, more than the total ${request.total}` }];
  });
}

/** "59 victims, 12 of them labour": the 47 the partner did not break down are recorded as not specified, so every breakdown adds up. */
export function completed(total: number, breakdowns: Record<string, Record<string, number>>): Record<string, Record<string, number>> {
  return Object.fromEntries(
    Object.entries(breakdowns).map(([dimension, values]) => {
      const said = Object.values(values).reduce((a, b) => a + b, 0);
      return [dimension, said < total ? { ...values, [NOT_SPECIFIED]: (values[NOT_SPECIFIED] ?? 0) + total - said } : values];
    }),
  );
}

/** The official figures for a scope and period, as report cells. */
export async function officialCells(db: SqlClient & Pick<StatisticsPrisma, 'officialStatistic'>, scope: string, periodKind: PeriodKind, period: string): Promise<Cell[]> {
  const rows = await db.officialStatistic.findMany({ where: { scope, periodKind, period }, orderBy: { measure: 'asc' } });
  return rows.flatMap((row) => {
    const indicator = officialMeasure(row.measure)!.code;
    const breakdowns = row.breakdowns as Record<string, Record<string, number>>;
    return [
      { indicator, orgUnit: scope, ...TOTAL, count: row.total },
      ...Object.entries(breakdowns).flatMap(([dimension, values]) => Object.entries(values).map(([value, count]) => ({ indicator, orgUnit: scope, dimension, value, count }))),
    ];
  });
}
