import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { UuidParam } from '@qorgau/service-kit';
import { CaseAssistanceCommands } from './case-assistance.commands';
import { assistanceRequest, queueQuery, type AssistanceRequest, type QueueQuery } from './case-assistance.requests';
import { actionRecorded, assistanceDetails, assistanceQueue } from './case-assistance.responses';

@ApiTags('case-assistance')
@Controller('case-assistance')
export class CaseAssistanceController {
  constructor(private readonly assistance: CaseAssistanceCommands) {}

  @Post(':caseId/actions')
  @HttpCode(201)
  @Access({ roles: ['LAWYER'], region: 'record' })
  @ApiOperation({
    summary: "Record legal assistance on a victim's case referred to legal: documents restored, repatriation, return home, legal representation",
    description: 'Announced as LegalAssistanceProvided, or VictimRepatriated for a repatriation.',
  })
  @ApiZodBody(assistanceRequest)
  @ApiNotFoundResponse({ description: 'The case was not referred to legal' })
  @ApiZodResponse(201, actionRecorded, 'The assistance is recorded')
  act(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(assistanceRequest)) request: AssistanceRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.assistance.act(caseId, request, context, principal);
  }

  @Get()
  @Access({ roles: ['LAWYER'], region: { query: 'region' } })
  @ApiOperation({ summary: "The lawyer's queue: victims' cases referred to legal in the region, newest first, with what was done (no notes)" })
  @ApiZodQuery(queueQuery)
  @ApiZodResponse(200, assistanceQueue, 'Cases referred to legal in the region, with what was done')
  queue(@Query(new ZodValidationPipe(queueQuery)) query: QueueQuery, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.assistance.queue(query, context, principal);
  }

  @Get(':caseId')
  @Access({ roles: ['LAWYER'], region: 'record' })
  @ApiOperation({ summary: "The lawyer's work on a case: when it was referred and every action, with notes (audited)" })
  @ApiNotFoundResponse({ description: 'The case was not referred to legal' })
  @ApiZodResponse(200, assistanceDetails, 'The assistance on the case, with the lawyer’s notes')
  read(@Param('caseId', new UuidParam('caseId')) caseId: string, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.assistance.read(caseId, context, principal);
  }
}
