import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { UuidParam } from '@qorgau/service-kit';
import { RehabilitationPlanCommands } from './rehabilitation-plan.commands';
import { assessmentRequest, endingRequest, queueQuery, sessionRequest, type AssessmentRequest, type EndingRequest, type QueueQuery, type SessionRequest } from './rehabilitation-plan.requests';
import { planDetails, planQueue, stepRecorded } from './rehabilitation-plan.responses';

@ApiTags('rehabilitation-plans')
@Controller('rehabilitation-plans')
export class RehabilitationPlansController {
  constructor(private readonly plans: RehabilitationPlanCommands) {}

  @Post(':caseId/assessment')
  @ApiZodResponse(201, stepRecorded, 'The step is recorded and announced')
  @HttpCode(201)
  @Access({ roles: ['PSYCHOLOGIST'], region: 'record' })
  @ApiOperation({ summary: "Record the victim's initial assessment", description: 'Announced as RehabilitationAssessed.' })
  @ApiZodBody(assessmentRequest)
  @ApiNotFoundResponse({ description: 'The case was not referred to psychology' })
  @ApiConflictResponse({ description: 'Already assessed, or the rehabilitation ended' })
  assess(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(assessmentRequest)) request: AssessmentRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.plans.assess(caseId, request, context, principal);
  }

  @Post(':caseId/sessions')
  @ApiZodResponse(201, stepRecorded, 'The step is recorded and announced')
  @HttpCode(201)
  @Access({ roles: ['PSYCHOLOGIST'], region: 'record' })
  @ApiOperation({ summary: 'Record a rehabilitation session', description: 'Announced as RehabilitationSessionHeld.' })
  @ApiZodBody(sessionRequest)
  @ApiNotFoundResponse({ description: 'The case was not referred to psychology' })
  @ApiConflictResponse({ description: 'Not assessed yet, or the rehabilitation ended' })
  session(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(sessionRequest)) request: SessionRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.plans.holdSession(caseId, request, context, principal);
  }

  @Post(':caseId/ending')
  @ApiZodResponse(201, stepRecorded, 'The step is recorded and announced')
  @HttpCode(201)
  @Access({ roles: ['PSYCHOLOGIST'], region: 'record' })
  @ApiOperation({ summary: 'End the rehabilitation: completed or discontinued', description: 'Announced as RehabilitationEnded.' })
  @ApiZodBody(endingRequest)
  @ApiNotFoundResponse({ description: 'The case was not referred to psychology' })
  @ApiConflictResponse({ description: 'Already ended, or completed without a session' })
  end(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(endingRequest)) request: EndingRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.plans.end(caseId, request, context, principal);
  }

  @Get()
  @Access({ roles: ['PSYCHOLOGIST'], region: { query: 'region' } })
  @ApiOperation({ summary: "The psychologist's queue: rehabilitation plans of the region, newest first, with their stage (no notes)" })
  @ApiZodQuery(queueQuery)
  @ApiZodResponse(200, planQueue, 'The plans, with their stage')
  queue(@Query(new ZodValidationPipe(queueQuery)) query: QueueQuery, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.plans.queue(query, context, principal);
  }

  @Get(':caseId')
  @Access({ roles: ['PSYCHOLOGIST'], region: 'record' })
  @ApiOperation({ summary: 'Read a rehabilitation plan with its sessions and notes (psychologists only; audited)' })
  @ApiNotFoundResponse({ description: 'The case was not referred to psychology' })
  @ApiZodResponse(200, planDetails, 'The plan, its sessions and notes')
  read(@Param('caseId', new UuidParam('caseId')) caseId: string, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.plans.read(caseId, context, principal);
  }
}
