import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodBody, ApiZodResponse, badRequest, ZodValidationPipe } from '@qorgau/platform';
import { dayField, refused } from '@qorgau/service-kit';
import { StatisticsPrisma } from '../database/statistics-prisma';

const grantPeriodRequest = z
  .object({
    name: z.string().trim().min(1).max(200).describe('How the reports call it: "EU grant 2006–2008"'),
    donor: z.string().trim().min(1).max(200),
    start: dayField.describe('First day of the grant, YYYY-MM-DD'),
    end: dayField.describe('Last day of the grant, YYYY-MM-DD (included)'),
  })
  .strict();
type GrantPeriodRequest = z.output<typeof grantPeriodRequest>;

const grantPeriod = z.object({
  id: z.uuid(),
  name: z.string(),
  donor: z.string(),
  start: z.iso.date(),
  end: z.iso.date(),
  period: z.string().describe('The period a report names for it (periodKind RANGE): start..end'),
});
const grantPeriods = z.object({ grantPeriods: z.array(grantPeriod) });

type GrantPeriodRow = { id: string; name: string; donor: string; start: Date; end: Date };
const day = (date: Date) => date.toISOString().slice(0, 10);
const view = (row: GrantPeriodRow) => ({ id: row.id, name: row.name, donor: row.donor, start: day(row.start), end: day(row.end), period: `${day(row.start)}..${day(row.end)}` });

/** Donors' grant periods, named once so that reports on them are drafted by choosing one. */
@ApiTags('grant-periods')
@Controller('grant-periods')
export class GrantPeriodsController {
  constructor(private readonly prisma: StatisticsPrisma) {}

  @Post()
  @HttpCode(201)
  @Access({ roles: ['HQ_ANALYST'] })
  @ApiOperation({ summary: "Name a donor's grant period (its first and last day), to report on it", description: 'A name already given is refused (400 on name).' })
  @ApiZodBody(grantPeriodRequest)
  @ApiZodResponse(201, grantPeriod, 'The grant period')
  async define(@Body(new ZodValidationPipe(grantPeriodRequest)) request: GrantPeriodRequest, @CurrentPrincipal() principal: Principal) {
    if (request.start > request.end) throw badRequest([{ field: 'start', message: `must not be after the end (${request.end})` }]);
    if (await this.prisma.grantPeriod.findUnique({ where: { name: request.name } })) refused([{ rule: 'one-name-per-grant', field: 'name', message: `a grant period named "${request.name}" exists` }]);
    const row = await this.prisma.grantPeriod.create({
      data: { id: randomUUID(), name: request.name, donor: request.donor, start: new Date(request.start), end: new Date(request.end), createdBy: principal.subject },
    });
    return view(row);
  }

  @Get()
  @Access({ roles: ['HQ_ANALYST', 'REGIONAL_MANAGER'] })
  @ApiOperation({ summary: 'The grant periods, latest first' })
  @ApiZodResponse(200, grantPeriods, 'The grant periods')
  async list() {
    return { grantPeriods: (await this.prisma.grantPeriod.findMany({ orderBy: [{ start: 'desc' }, { name: 'asc' }] })).map(view) };
  }
}
