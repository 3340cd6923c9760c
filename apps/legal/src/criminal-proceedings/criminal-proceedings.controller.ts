import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { ApiRegionalBody, RegionalBody, regionListQuery, UuidParam, type RegionListQuery } from '@qorgau/service-kit';
import { CriminalProceedingCommands } from './criminal-proceeding.commands';
import { openRequest, stageRequest, verdictRequest, type OpenRequest, type StageRequest, type VerdictRequest } from './criminal-proceeding.requests';
import { proceedingList, proceedingOpened, proceedingView } from './criminal-proceeding.responses';

const ROLES = ['LAWYER'] as const;

@ApiTags('criminal-proceedings')
@Controller('criminal-proceedings')
export class CriminalProceedingsController {
  constructor(private readonly proceedings: CriminalProceedingCommands) {}

  @Post()
  @HttpCode(201)
  @Access({ roles: ROLES, region: { body: 'region' } })
  @ApiOperation({ summary: 'Start following criminal proceedings, with the Criminal Code articles involved', description: 'Announced as CriminalProceedingOpened.' })
  @ApiRegionalBody(openRequest)
  @ApiZodResponse(201, proceedingOpened, 'The proceedings as opened')
  open(@Body(RegionalBody(openRequest)) request: OpenRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.proceedings.open(request, context, principal);
  }

  @Post(':id/stage')
  @HttpCode(201)
  @Access({ roles: ROLES, region: 'record' })
  @ApiOperation({ summary: 'Move the proceedings to a later stage: investigation, prosecution, trial', description: 'Announced as CriminalProceedingAdvanced.' })
  @ApiZodBody(stageRequest)
  @ApiNotFoundResponse({ description: 'No proceedings with this id' })
  @ApiConflictResponse({ description: 'The stage is not later than the current one, or a verdict was delivered' })
  @ApiZodResponse(201, proceedingView, 'The proceedings at their new stage')
  advance(@Param('id', new UuidParam('id')) id: string, @Body(new ZodValidationPipe(stageRequest)) request: StageRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.proceedings.advance(id, request, context, principal);
  }

  @Post(':id/verdict')
  @HttpCode(201)
  @Access({ roles: ROLES, region: 'record' })
  @ApiOperation({ summary: 'Record the verdict: conviction (with the sentence) or acquittal', description: 'Announced as VerdictDelivered.' })
  @ApiZodBody(verdictRequest)
  @ApiNotFoundResponse({ description: 'No proceedings with this id' })
  @ApiConflictResponse({ description: 'The proceedings are not at trial, or a verdict was already delivered' })
  @ApiZodResponse(201, proceedingView, 'The proceedings with their verdict')
  verdict(
    @Param('id', new UuidParam('id')) id: string,
    @Body(new ZodValidationPipe(verdictRequest)) request: VerdictRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.proceedings.deliverVerdict(id, request, context, principal);
  }

  @Get(':id')
  @Access({ roles: [...ROLES, 'REGIONAL_MANAGER'], region: 'record' })
  @ApiOperation({ summary: 'Read criminal proceedings: stage, articles, verdict (audited)' })
  @ApiNotFoundResponse({ description: 'No proceedings with this id' })
  @ApiZodResponse(200, proceedingView, 'The proceedings')
  read(@Param('id', new UuidParam('id')) id: string, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.proceedings.read(id, context, principal);
  }

  @Get()
  @Access({ roles: ROLES, region: { query: 'region' } })
  @ApiOperation({ summary: "The region's criminal proceedings, newest first: stage, articles and verdict (audited)" })
  @ApiZodQuery(regionListQuery)
  @ApiZodResponse(200, proceedingList, "The region's proceedings")
  list(@Query(new ZodValidationPipe(regionListQuery)) query: RegionListQuery, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.proceedings.list(query, context, principal);
  }
}
