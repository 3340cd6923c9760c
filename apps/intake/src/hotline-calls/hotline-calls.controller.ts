import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { ApiRegionalBody, erasureResult, importRequest, importResult, RegionalBody, rowsRefused, SERVICE_CONFIG, UuidParam, type ImportRequest, type ServiceKitConfig } from '@qorgau/service-kit';
import { HotlineCallCommands } from './hotline-call.commands';
import { logHotlineCallRequest, recentCallsQuery, type LogHotlineCallRequest, type RecentCallsQuery } from './hotline-call.requests';
import { hotlineCallDetails, hotlineCallList, hotlineCallSummary, summary } from './hotline-call.responses';

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
    return summary(await this.calls.log(request, context, principal));
  }

  @Post('import')
  @HttpCode(200)
  @Access({ roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'] })
  @ApiOperation({
    summary: 'Import past calls from a spreadsheet, a chunk of up to 1000 rows at a time (npm run import)',
    description:
      "Each row is the body of POST /hotline-calls, checked and stored as that would, and announced as HotlineCallLogged. Rows of your own region only. A row's id comes from its sourceId or its content: importing the same file again stores nothing twice. With check, nothing is stored; a chunk with a bad row stores nothing (400 naming each row and field) unless validOnly.",
  })
  @ApiZodBody(importRequest)
  @ApiZodResponse(200, importResult, 'What was checked, stored now, stored before, and each row that cannot be')
  @ApiBadRequestResponse({ description: 'Rows that cannot be imported, each with its number and field; nothing was stored' })
  async import(@Body(new ZodValidationPipe(importRequest)) request: ImportRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    const result = await this.calls.import(request, this.callSchema, context, principal);
    if (result.problems.length > 0 && !request.check && !request.validOnly) throw rowsRefused(result.problems);
    return result;
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
