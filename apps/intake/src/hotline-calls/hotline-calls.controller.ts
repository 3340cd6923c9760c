import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, assertRegion, CurrentPrincipal, type Principal } from '@qorgau/auth';
import type { RegionCode } from '@qorgau/contracts';
import { ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import type { z } from 'zod';
import { IntakePrisma } from '../database/intake-prisma.service';
import { ApiRegionalBody, audit, binding, ErasePersonalData, erasureResult, PersonalData, RegionalBody, UuidParam, type ErasableRecord } from '@qorgau/service-kit';
import type { HotlineCall } from './hotline-call.decider';
import { hotlineCallDetails, hotlineCallList, hotlineCallSummary, recentCallsQuery, summary } from './hotline-call.responses';
import { LogHotlineCall } from './log-hotline-call';
import { logHotlineCallRequest, type LogHotlineCallRequest } from './log-hotline-call.request';

const ERASABLE_CALL: ErasableRecord = { table: 'hotline_call', label: 'hotline call', recordType: 'HOTLINE_CALL', operation: 'EraseCaller' };

@ApiTags('hotline calls')
@Controller('hotline-calls')
export class HotlineCallsController {
  constructor(
    private readonly logCall: LogHotlineCall,
    private readonly prisma: IntakePrisma,
    private readonly personal: PersonalData,
    private readonly erasure: ErasePersonalData,
  ) {}

  @Post()
  @HttpCode(201)
  @Access({ roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'], region: { body: 'region' } })
  @ApiOperation({ summary: 'Log a hotline call', description: 'Anonymous by default. The call is announced as HotlineCallLogged without any personal detail.' })
  @ApiRegionalBody(logHotlineCallRequest)
  @ApiZodResponse(201, hotlineCallSummary, 'The call was logged; its id and categories are returned')
  async log(@Body(RegionalBody(logHotlineCallRequest)) request: LogHotlineCallRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return summary(await this.logCall.execute(request, context, principal));
  }

  @Get()
  @Access({ roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'], region: { query: 'region' } })
  @ApiOperation({ summary: "The office's latest calls, newest first", description: 'Categories only: personal details are read one call at a time, and audited.' })
  @ApiZodQuery(recentCallsQuery)
  @ApiZodResponse(200, hotlineCallList, 'The latest calls of the region')
  async recent(@Query(new ZodValidationPipe(recentCallsQuery)) query: z.output<typeof recentCallsQuery>) {
    const rows = await this.prisma.hotlineCall.findMany({ where: { region: query.region }, orderBy: { receivedAt: 'desc' }, take: query.limit });
    return { calls: rows.map((row) => summary(row as HotlineCall)) };
  }

  @Get(':id')
  @Access({ roles: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'], region: 'record' })
  @ApiOperation({ summary: 'Read one logged call, with its personal details' })
  @ApiZodResponse(200, hotlineCallDetails, 'The call with its personal details (null where none were given or they were erased)')
  @ApiNotFoundResponse({ description: 'No call with this id' })
  async read(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    const call = await this.prisma.hotlineCall.findUnique({ where: { id } });
    if (!call) throw new NotFoundException({ statusCode: 404, message: `no hotline call ${id}` });
    assertRegion(principal, call.region as RegionCode);
    await audit(this.prisma, principal, context, 'READ', { type: 'HOTLINE_CALL', id }, 'ReadHotlineCall');
    const key = await this.personal.keyOf(this.prisma, call.personKeyId);
    const open = (field: string, value: string | null) => this.personal.open(key, binding('hotline_call', id, field), value);
    return {
      ...summary(call as HotlineCall),
      callerName: open('caller_name', call.callerName),
      callerPhone: open('caller_phone', call.callerPhone),
      notes: open('notes', call.notes),
      personalDataErased: call.personKeyId !== null && key === null,
    };
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @Access({ roles: ['REGIONAL_MANAGER', 'ADMINISTRATOR'], region: 'record' })
  @ApiOperation({ summary: "Erase the caller's personal details for good (crypto-shredding); the call's categories and every statistic stay" })
  @ApiNotFoundResponse({ description: 'No call with this id' })
  @ApiZodResponse(200, erasureResult, 'The personal details are gone for good')
  erase(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    return this.erasure.execute(ERASABLE_CALL, id, principal, context);
  }
}
