import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { UuidParam } from '@qorgau/service-kit';
import { StayCommands } from './stay.commands';
import {
  admissionRequest,
  assistanceRequest,
  contactRequest,
  dischargeRequest,
  stayListQuery,
  type AdmissionRequest,
  type AssistanceRequest,
  type ContactRequest,
  type DischargeRequest,
  type StayListQuery,
  therapySessionRequest,
  type TherapySessionRequest,
} from './stay.requests';
import { stayDetails, stayList, stayStep } from './stay.responses';

// Shelter staff too, on the stays of their own shelter and the region's queue (StayCommands holds them there).
const WORKERS = ['SOCIAL_WORKER', 'SHELTER_STAFF'] as const;
const NOT_REFERRED = 'The case was not referred to a shelter';

@ApiTags('stays')
@Controller('stays')
export class StaysController {
  constructor(private readonly stays: StayCommands) {}

  @Get()
  @Access({ roles: [...WORKERS, 'REGIONAL_MANAGER'], region: { query: 'region' } })
  @ApiOperation({
    summary: "The region's stays: the admission queue, the residents, those who left and their aftercare (no notes; audited)",
    description: "Shelter staff see the queue and their own shelter's stays (nothing until the regional manager assigns them).",
  })
  @ApiZodQuery(stayListQuery)
  @ApiZodResponse(200, stayList, "The region's stays, newest first")
  list(@Query(new ZodValidationPipe(stayListQuery)) query: StayListQuery, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.stays.list(query, context, principal);
  }

  @Get(':caseId')
  @Access({ roles: WORKERS, region: 'record' })
  @ApiOperation({ summary: "A victim's stay with assistance, contacts and notes (audited)" })
  @ApiNotFoundResponse({ description: NOT_REFERRED })
  @ApiZodResponse(200, stayDetails, 'The stay')
  read(@Param('caseId', new UuidParam('caseId')) caseId: string, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.stays.read(caseId, context, principal);
  }

  @Post(':caseId/admission')
  @HttpCode(201)
  @Access({ roles: WORKERS, region: 'record' })
  @ApiOperation({ summary: 'Admit the victim to a shelter of the region', description: 'Announced as ResidentAdmitted. A full shelter refuses (409), naming the shelters with free beds.' })
  @ApiZodBody(admissionRequest)
  @ApiNotFoundResponse({ description: NOT_REFERRED })
  @ApiConflictResponse({ description: 'The shelter is full, or the victim was already admitted' })
  @ApiZodResponse(201, stayStep, 'Admitted')
  admit(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(admissionRequest)) request: AdmissionRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.stays.admit(caseId, request, context, principal);
  }

  @Post(':caseId/discharge')
  @HttpCode(201)
  @Access({ roles: WORKERS, region: 'record' })
  @ApiOperation({ summary: 'End the stay: repatriated, reunited with family, resettled or left; plan aftercare', description: 'Announced as ResidentDischarged with the nights stayed.' })
  @ApiZodBody(dischargeRequest)
  @ApiNotFoundResponse({ description: NOT_REFERRED })
  @ApiConflictResponse({ description: 'Not admitted, or already discharged' })
  @ApiZodResponse(201, stayStep, 'Discharged')
  discharge(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(dischargeRequest)) request: DischargeRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.stays.discharge(caseId, request, context, principal);
  }

  @Post(':caseId/assistance')
  @HttpCode(201)
  @Access({ roles: WORKERS, region: 'record' })
  @ApiOperation({
    summary: 'Record basic assistance given (food, clothing, hygiene, medical care, transport, documents, cash)',
    description: 'Announced as BasicAssistanceGiven; details stay sealed here.',
  })
  @ApiZodBody(assistanceRequest)
  @ApiNotFoundResponse({ description: NOT_REFERRED })
  @ApiZodResponse(201, stayStep, 'Recorded')
  assist(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(assistanceRequest)) request: AssistanceRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.stays.giveAssistance(caseId, request, context, principal);
  }

  @Post(':caseId/aftercare-contacts')
  @HttpCode(201)
  @Access({ roles: WORKERS, region: 'record' })
  @ApiOperation({ summary: 'Record a follow-up contact after the stay', description: 'Announced as AftercareContactMade.' })
  @ApiZodBody(contactRequest)
  @ApiNotFoundResponse({ description: NOT_REFERRED })
  @ApiConflictResponse({ description: 'The stay has not ended, or aftercare has' })
  @ApiZodResponse(201, stayStep, 'Recorded')
  followUp(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(contactRequest)) request: ContactRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.stays.followUp(caseId, request, context, principal);
  }

  @Post(':caseId/therapy-sessions')
  @HttpCode(201)
  @Access({ roles: WORKERS, region: 'record' })
  @ApiOperation({
    summary: 'Record a therapy session held at the shelter (individual, group, art)',
    description:
      "Announced as ShelterTherapySessionHeld, linked to the psychologist's rehabilitation plan while one runs; one-to-one sessions of a planned rehabilitation are refused here (400 on therapy): the psychologist records them in the plan.",
  })
  @ApiZodBody(therapySessionRequest)
  @ApiNotFoundResponse({ description: NOT_REFERRED })
  @ApiConflictResponse({ description: 'The victim is not staying in a shelter' })
  @ApiZodResponse(201, stayStep, 'Recorded')
  holdTherapySession(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(therapySessionRequest)) request: TherapySessionRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.stays.holdTherapySession(caseId, request, context, principal);
  }
}
