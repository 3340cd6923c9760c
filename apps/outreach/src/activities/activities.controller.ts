import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { AgreementSignedV1, CoordinationMeetingAttendedV1, MaterialsDistributedV1, MediaOutputPublishedV1, RaidConductedV1, TrainingHeldV1, VolunteerSessionHeldV1 } from '@qorgau/contracts';
import { ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { ApiRegionalBody, ImportEndpoint, importRequest, RegionalBody, SERVICE_CONFIG, UuidParam, type ImportRequest, type ServiceKitConfig } from '@qorgau/service-kit';
import { ActivityCommands } from './activity.commands';
import { activitiesQuery, activityRequests, type ActivitiesQuery, type RequestOf } from './activity.requests';
import { monthOfActivities, raidRow, recorded } from './activity.responses';

const COORDINATORS = ['OUTREACH_COORDINATOR'] as const;
/** Partnership is the office's: the coordinator or the regional manager records it. */
const PARTNERSHIP = ['OUTREACH_COORDINATOR', 'REGIONAL_MANAGER'] as const;

@ApiTags('activities')
@Controller()
export class ActivitiesController {
  private readonly schemas: ReturnType<typeof activityRequests>;

  constructor(
    private readonly outreach: ActivityCommands,
    @Inject(SERVICE_CONFIG) config: ServiceKitConfig,
  ) {
    this.schemas = activityRequests(config.QORGAU_REGIONS);
  }

  @Post('trainings')
  @ApiZodResponse(201, recorded(TrainingHeldV1), 'The training, as announced')
  @HttpCode(201)
  @Access({ roles: COORDINATORS, region: { body: 'region' } })
  @ApiOperation({ summary: 'Record a training or seminar with its participants by sex and age band', description: 'Announced as TrainingHeld.' })
  @ApiRegionalBody((regions) => activityRequests(regions).training)
  training(@Body(RegionalBody((regions) => activityRequests(regions).training)) r: RequestOf<'training'>, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.outreach.record(this.outreach.training, r, context, principal);
  }

  @Post('materials')
  @ApiZodResponse(201, recorded(MaterialsDistributedV1), 'The distribution, as announced')
  @HttpCode(201)
  @Access({ roles: COORDINATORS, region: { body: 'region' } })
  @ApiOperation({ summary: 'Record booklets, brochures, posters or other materials distributed', description: 'Announced as MaterialsDistributed.' })
  @ApiRegionalBody((regions) => activityRequests(regions).materials)
  materials(@Body(RegionalBody((regions) => activityRequests(regions).materials)) r: RequestOf<'materials'>, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.outreach.record(this.outreach.materials, r, context, principal);
  }

  @Post('media')
  @ApiZodResponse(201, recorded(MediaOutputPublishedV1), 'The media output, as announced')
  @HttpCode(201)
  @Access({ roles: COORDINATORS, region: { body: 'region' } })
  @ApiOperation({ summary: 'Record a newspaper article, broadcast, online piece, paid advertisement or press conference', description: 'Announced as MediaOutputPublished.' })
  @ApiRegionalBody((regions) => activityRequests(regions).media)
  media(@Body(RegionalBody((regions) => activityRequests(regions).media)) r: RequestOf<'media'>, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.outreach.record(this.outreach.media, r, context, principal);
  }

  @Post('raids')
  @ApiZodResponse(201, recorded(RaidConductedV1), 'The raid, with a case id per victim, as announced')
  @HttpCode(201)
  @Access({ roles: COORDINATORS, region: { body: 'region' } })
  @ApiOperation({
    summary: 'Record a raid with a partner agency: persons screened and victims identified',
    description: 'Announced as RaidConducted; intake opens a case for every victim identified.',
  })
  @ApiRegionalBody((regions) => activityRequests(regions).raid)
  raid(@Body(RegionalBody((regions) => activityRequests(regions).raid)) r: RequestOf<'raid'>, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.outreach.record(this.outreach.raid, r, context, principal);
  }

  @ImportEndpoint('trainings/import', 'trainings', 'Each row is the body of POST /trainings, checked and stored as that would, and announced as TrainingHeld.')
  @Access({ roles: COORDINATORS })
  importTraining(@Body(new ZodValidationPipe(importRequest)) request: ImportRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.outreach.import(this.outreach.training, this.schemas.training, request, context, principal);
  }

  @ImportEndpoint('materials/import', 'materials distributed', 'Each row is the body of POST /materials, checked and stored as that would, and announced as MaterialsDistributed.')
  @Access({ roles: COORDINATORS })
  importMaterials(@Body(new ZodValidationPipe(importRequest)) request: ImportRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.outreach.import(this.outreach.materials, this.schemas.materials, request, context, principal);
  }

  @ImportEndpoint('media/import', 'media outputs', 'Each row is the body of POST /media, checked and stored as that would, and announced as MediaOutputPublished.')
  @Access({ roles: COORDINATORS })
  importMedia(@Body(new ZodValidationPipe(importRequest)) request: ImportRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.outreach.import(this.outreach.media, this.schemas.media, request, context, principal);
  }

  @ImportEndpoint('raids/import', 'raids', 'Each row is the body of POST /raids, checked and stored as that would, and announced as RaidConducted (intake opens a case for each victim).')
  @Access({ roles: COORDINATORS })
  importRaid(@Body(new ZodValidationPipe(importRequest)) request: ImportRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.outreach.import(this.outreach.raid, this.schemas.raid, request, context, principal);
  }

  @Post('volunteer-sessions')
  @ApiZodResponse(201, recorded(VolunteerSessionHeldV1), 'The volunteer session, as announced')
  @HttpCode(201)
  @Access({ roles: COORDINATORS, region: { body: 'region' } })
  @ApiOperation({ summary: 'Record a session of the volunteer club', description: 'Announced as VolunteerSessionHeld.' })
  @ApiRegionalBody((regions) => activityRequests(regions).volunteerSession)
  volunteerSession(
    @Body(RegionalBody((regions) => activityRequests(regions).volunteerSession)) r: RequestOf<'volunteerSession'>,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.outreach.record(this.outreach.volunteerSession, r, context, principal);
  }

  @Post('coordination-meetings')
  @ApiZodResponse(201, recorded(CoordinationMeetingAttendedV1), 'The meeting, as announced')
  @HttpCode(201)
  @Access({ roles: PARTNERSHIP, region: { body: 'region' } })
  @ApiOperation({
    summary: 'Record a meeting of a coordination body the NGO attended (the Interdepartmental Commission, a regional commission, a working group)',
    description: 'Announced as CoordinationMeetingAttended; the agenda by category, never minutes.',
  })
  @ApiRegionalBody((regions) => activityRequests(regions).coordinationMeeting)
  coordinationMeeting(
    @Body(RegionalBody((regions) => activityRequests(regions).coordinationMeeting)) r: RequestOf<'coordinationMeeting'>,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.outreach.record(this.outreach.coordinationMeeting, r, context, principal);
  }

  @Post('agreements')
  @ApiZodResponse(201, recorded(AgreementSignedV1), 'The agreement, as announced (without the partner’s name)')
  @HttpCode(201)
  @Access({ roles: PARTNERSHIP, region: { body: 'region' } })
  @ApiOperation({ summary: 'Record an agreement or memorandum signed with a partner', description: 'Announced as AgreementSigned with the partner by type; its name stays here.' })
  @ApiRegionalBody((regions) => activityRequests(regions).agreement)
  agreement(@Body(RegionalBody((regions) => activityRequests(regions).agreement)) r: RequestOf<'agreement'>, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.outreach.record(this.outreach.agreement, r, context, principal);
  }

  @Get('raids/:id')
  @Access({ roles: [...COORDINATORS, 'REGIONAL_MANAGER'], region: 'record' })
  @ApiOperation({ summary: 'Read a raid, with the case id opened in intake for each victim identified' })
  @ApiNotFoundResponse({ description: 'No raid with this id' })
  @ApiZodResponse(200, raidRow, 'The raid, with a case id per victim')
  readRaid(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.outreach.readRaid(id, principal);
  }

  @Get('activities')
  @Access({ roles: [...COORDINATORS, 'REGIONAL_MANAGER'], region: { query: 'region' } })
  @ApiOperation({ summary: "A month of the region's outreach: trainings, materials, media, raids, volunteer sessions, coordination meetings and agreements, as recorded" })
  @ApiZodQuery(activitiesQuery)
  @ApiZodResponse(200, monthOfActivities, 'The month’s activities, oldest first')
  activities(@Query(new ZodValidationPipe(activitiesQuery)) query: ActivitiesQuery, @CurrentPrincipal() principal: Principal) {
    return this.outreach.month(query, principal);
  }
}
