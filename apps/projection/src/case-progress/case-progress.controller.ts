import { Controller, Get, Inject, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { Access, assertRegion, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { RegionCodeSchema } from '@qorgau/contracts';
import { ApiZodQuery, ApiZodResponse, ZodValidationPipe } from '@qorgau/platform';
import { UuidParam } from '@qorgau/service-kit';
import { ProjectionPrisma } from '../database/projection-prisma';
import { periodOf, periodQuery } from '../period-query';
import { PROJECTION_CONFIG, type ProjectionConfig } from '../projection.config';
import { readCaseHistory, readCaseProgress, type CaseHistoryView, type CaseProgressView } from './case-progress.query';
import { caseHistoryView, caseProgressView } from './case-progress.responses';

const progressQuery = periodQuery.extend({ region: RegionCodeSchema.optional().describe('One region (ISO 3166-2:KZ); all regions for HQ when absent') });
type ProgressQuery = z.output<typeof progressQuery>;

/** How far victims' cases have come: the funnel for HQ, case rows for their own region's manager. */
@ApiTags('views')
@Controller('views')
export class CaseProgressController {
  constructor(
    private readonly prisma: ProjectionPrisma,
    @Inject(PROJECTION_CONFIG) private readonly config: ProjectionConfig,
  ) {}

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
    return readCaseProgress(this.prisma, { ...periodOf(period, this.config), ...(scope ? { region: scope } : {}) }, reader);
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
}
