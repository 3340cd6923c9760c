import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { ApiRegionalBody, erasureResult, ImportEndpoint, importRequest, RegionalBody, SERVICE_CONFIG, UuidParam, type ImportRequest, type ServiceKitConfig } from '@qorgau/service-kit';
import { HotlineCallCommands } from './hotline-call.commands';
import { logHotlineCallRequest, recentCallsQuery, type LogHotlineCallRequest, type RecentCallsQuery } from './hotline-call.requests';
import { hotlineCallDetails, hotlineCallList, hotlineCallSummary } from './hotline-call.responses';

@ApiTags('hotline calls')
@Controller('hotline-calls')
export class HotlineCallsController {
  private readonly callSchema: ReturnType<typeof logHotlineCallRequest>;

  constructor(
    private readonly calls: HotlineCallCommands,
    @Inject(SERVICE_CONFIG) config: ServiceKitConfig,
  ) {
    this.callSchema = logHotlineCallRequest(config.QORGAU_REGIONS);
  }

  @Post()
  @HttpCode(201)
  @Access({ roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'], region: { body: 'region' } })
  @ApiOperation({ summary: 'Log a hotline call', description: 'Anonymous by default. The call is announced as HotlineCallLogged without any personal detail.' })
  @ApiRegionalBody(logHotlineCallRequest)
  @ApiZodResponse(201, hotlineCallSummary, 'The call was logged; its id and categories are returned')
  async log(@Body(RegionalBody(logHotlineCallRequest)) request: LogHotlineCallRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.calls.log(request, context, principal);
  }

  @ImportEndpoint('import', 'calls', 'Each row is the body of POST /hotline-calls, checked and stored as that would, and announced as HotlineCallLogged.')
  @Access({ roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'] })
  import(@Body(new ZodValidationPipe(importRequest)) request: ImportRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.calls.import(request, this.callSchema, context, principal);
  }

  @Get()
  @Access({ roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'], region: { query: 'region' } })
  @ApiOperation({ summary: "The office's latest calls, newest first", description: 'Categories only: personal details are read one call at a time, and audited.' })
  @ApiZodQuery(recentCallsQuery)
  @ApiZodResponse(200, hotlineCallList, 'The latest calls of the region')
  recent(@Query(new ZodValidationPipe(recentCallsQuery)) query: RecentCallsQuery, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.calls.recent(query, context, principal);
  }

  @Get(':id')
  @Access({ roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'], region: 'record' })
  @ApiOperation({ summary: 'Read one logged call, with its personal details (audited)' })
  @ApiZodResponse(200, hotlineCallDetails, 'The call with its personal details (null where none were given or they were erased)')
  @ApiNotFoundResponse({ description: 'No call with this id' })
  read(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    return this.calls.read(id, context, principal);
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @Access({ roles: ['REGIONAL_MANAGER', 'ADMINISTRATOR'], region: 'record' })
  @ApiOperation({ summary: "Erase the caller's personal details for good (crypto-shredding); the call's categories and every statistic stay" })
  @ApiNotFoundResponse({ description: 'No call with this id' })
  @ApiZodResponse(200, erasureResult, 'The personal details are gone for good')
  erase(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    return this.calls.erase(id, context, principal);
  }
}
