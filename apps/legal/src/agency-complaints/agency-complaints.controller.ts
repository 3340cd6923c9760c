import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { ApiRegionalBody, RegionalBody, regionListQuery, UuidParam, type RegionListQuery } from '@qorgau/service-kit';
import { AgencyComplaintCommands } from './agency-complaint.commands';
import { complaintRequest, decisionRequest, type ComplaintRequest, type DecisionRequest } from './agency-complaint.requests';
import { complaintDecided, complaintFiled, complaintList } from './agency-complaint.responses';

@ApiTags('agency-complaints')
@Controller('agency-complaints')
export class AgencyComplaintsController {
  constructor(private readonly complaints: AgencyComplaintCommands) {}

  @Post()
  @HttpCode(201)
  @Access({ roles: ['LAWYER'], region: { body: 'region' } })
  @ApiOperation({ summary: 'File a complaint against a travel, job or other agency with the regulator', description: 'Announced as AgencyComplaintFiled.' })
  @ApiRegionalBody(complaintRequest)
  @ApiZodResponse(201, complaintFiled, 'The complaint, awaiting the regulator')
  file(@Body(RegionalBody(complaintRequest)) request: ComplaintRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.complaints.file(request, context, principal);
  }

  @Post(':id/decision')
  @HttpCode(201)
  @Access({ roles: ['LAWYER'], region: 'record' })
  @ApiOperation({ summary: "Record the regulator's decision (licence revoked, fined, …)", description: 'Announced as AgencyComplaintDecided.' })
  @ApiZodBody(decisionRequest)
  @ApiNotFoundResponse({ description: 'No complaint with this id' })
  @ApiConflictResponse({ description: 'The regulator already decided' })
  @ApiZodResponse(201, complaintDecided, 'The regulator’s decision is recorded')
  decide(
    @Param('id', new UuidParam('id')) id: string,
    @Body(new ZodValidationPipe(decisionRequest)) request: DecisionRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.complaints.recordDecision(id, request, context, principal);
  }

  @Get()
  @Access({ roles: ['LAWYER'], region: { query: 'region' } })
  @ApiOperation({ summary: "The region's complaints against agencies, newest first, with the regulator's decisions (audited)" })
  @ApiZodQuery(regionListQuery)
  @ApiZodResponse(200, complaintList, "The region's complaints")
  list(@Query(new ZodValidationPipe(regionListQuery)) query: RegionListQuery, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.complaints.list(query, context, principal);
  }
}
