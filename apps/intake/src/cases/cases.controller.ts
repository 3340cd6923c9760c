import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { ApiRegionalBody, erasureResult, RegionalBody, UuidParam } from '@qorgau/service-kit';
import { CaseCommands } from './case.commands';
import {
  closeCaseRequest,
  consentRequest,
  identifyVictimRequest,
  openCaseRequest,
  referCaseRequest,
  caseListQuery,
  type CaseListQuery,
  type CloseCaseRequest,
  type ConsentRequest,
  type IdentifyVictimRequest,
  type OpenCaseRequest,
  type ReferCaseRequest,
} from './case.requests';
import { caseDetails, caseList, caseView, view } from './case.responses';

/** Case workers of the region: the hotline, lawyers, psychologists and the regional manager. */
const CASE_WORKERS = ['HOTLINE_OPERATOR', 'LAWYER', 'PSYCHOLOGIST', 'REGIONAL_MANAGER'] as const;

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CaseCommands) {}

  @Post()
  @HttpCode(201)
  @Access({ roles: CASE_WORKERS, region: { body: 'region' } })
  @ApiOperation({ summary: 'Open a case for a presumed or identified victim', description: 'Announced as CaseOpened (and VictimIdentified when identifiedBy is given).' })
  @ApiRegionalBody(openCaseRequest)
  @ApiZodResponse(201, caseView, 'The case, without personal details')
  async open(@Body(RegionalBody(openCaseRequest)) request: OpenCaseRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return view(await this.cases.open(request, context, principal));
  }

  @Post(':id/identification')
  @HttpCode(201)
  @Access({ roles: CASE_WORKERS, region: 'record' })
  @ApiOperation({ summary: 'Record the formal identification of the victim' })
  @ApiZodBody(identifyVictimRequest)
  @ApiZodResponse(201, caseView, 'The case as it is now, without personal details')
  @ApiNotFoundResponse({ description: 'No case with this id' })
  @ApiConflictResponse({ description: 'The case is closed or the victim is already identified' })
  async identify(
    @Param('id', new UuidParam('id')) id: string,
    @Body(new ZodValidationPipe(identifyVictimRequest)) request: IdentifyVictimRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return view(await this.cases.identify(id, request, context, principal));
  }

  @Post(':id/referrals')
  @HttpCode(201)
  @Access({ roles: CASE_WORKERS, region: 'record' })
  @ApiOperation({ summary: 'Refer the case to a lawyer, psychologist, shelter, police, embassy or other organisation' })
  @ApiZodBody(referCaseRequest)
  @ApiZodResponse(201, caseView, 'The case as it is now, without personal details')
  @ApiNotFoundResponse({ description: 'No case with this id' })
  @ApiConflictResponse({ description: 'The case is closed, or the referral leaves the NGO without the victim’s consent' })
  async refer(
    @Param('id', new UuidParam('id')) id: string,
    @Body(new ZodValidationPipe(referCaseRequest)) request: ReferCaseRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return view(await this.cases.refer(id, request, context, principal));
  }

  @Post(':id/consent')
  @HttpCode(201)
  @Access({ roles: CASE_WORKERS, region: 'record' })
  @ApiOperation({ summary: "Record the victim's consent (services, referral outside the NGO, reports); replaces the previous record" })
  @ApiZodBody(consentRequest)
  @ApiZodResponse(201, caseView, 'The case as it is now, without personal details')
  @ApiNotFoundResponse({ description: 'No case with this id' })
  @ApiConflictResponse({ description: 'The case is closed' })
  async consent(
    @Param('id', new UuidParam('id')) id: string,
    @Body(new ZodValidationPipe(consentRequest)) request: ConsentRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return view(await this.cases.recordConsent(id, request, context, principal));
  }

  @Post(':id/closure')
  @HttpCode(201)
  @Access({ roles: CASE_WORKERS, region: 'record' })
  @ApiOperation({ summary: 'Close the case, with the reason' })
  @ApiZodBody(closeCaseRequest)
  @ApiZodResponse(201, caseView, 'The case as it is now, without personal details')
  @ApiNotFoundResponse({ description: 'No case with this id' })
  @ApiConflictResponse({ description: 'The case is already closed' })
  async close(
    @Param('id', new UuidParam('id')) id: string,
    @Body(new ZodValidationPipe(closeCaseRequest)) request: CloseCaseRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return view(await this.cases.close(id, request, context, principal));
  }

  @Get()
  @Access({ roles: CASE_WORKERS, region: { query: 'region' } })
  @ApiOperation({ summary: "The region's cases, newest first", description: 'Categories and dates only: personal details are read one case at a time, and audited.' })
  @ApiZodQuery(caseListQuery)
  @ApiZodResponse(200, caseList, 'Cases of the region')
  list(@Query(new ZodValidationPipe(caseListQuery)) query: CaseListQuery, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.cases.list(query, context, principal);
  }

  @Get(':id')
  @Access({ roles: CASE_WORKERS, region: 'record' })
  @ApiOperation({ summary: 'Read a case with its referrals and personal details (audited)' })
  @ApiZodResponse(200, caseDetails, 'The case, its referrals and personal details (null where none were given or they were erased)')
  @ApiNotFoundResponse({ description: 'No case with this id' })
  read(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    return this.cases.read(id, context, principal);
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @Access({ roles: ['REGIONAL_MANAGER', 'ADMINISTRATOR'], region: 'record' })
  @ApiOperation({ summary: "Erase the victim's personal details for good (crypto-shredding); the case's categories, its events and every statistic stay" })
  @ApiNotFoundResponse({ description: 'No case with this id' })
  @ApiZodResponse(200, erasureResult, 'The personal details are gone for good')
  erase(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    return this.cases.erase(id, context, principal);
  }
}
