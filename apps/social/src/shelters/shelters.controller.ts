import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { ApiRegionalBody, RegionalBody, UuidParam } from '@qorgau/service-kit';
import { ShelterCommands } from './shelter.commands';
import { shelterListQuery, shelterRequest, staffAssignment, type ShelterListQuery, type ShelterRequest, type StaffAssignment } from './shelter.requests';
import { shelterBoard, shelterCreated, staffAssigned } from './shelter.responses';

@ApiTags('shelters')
@Controller('shelters')
export class SheltersController {
  constructor(private readonly shelters: ShelterCommands) {}

  @Post()
  @HttpCode(201)
  @Access({ roles: ['REGIONAL_MANAGER'], region: { body: 'region' } })
  @ApiOperation({ summary: 'Open a shelter of the organisation in the region (regional managers)', description: 'The address is sealed and never published.' })
  @ApiRegionalBody(shelterRequest)
  @ApiZodResponse(201, shelterCreated, 'The shelter, without its address')
  create(@Body(RegionalBody(shelterRequest)) request: ShelterRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.shelters.create(request, context, principal);
  }

  @Get()
  @Access({ roles: ['SOCIAL_WORKER', 'SHELTER_STAFF', 'REGIONAL_MANAGER'], region: { query: 'region' } })
  @ApiOperation({
    summary: "The region's shelters with their beds taken and free (audited)",
    description:
      "The address for the regional manager and the shelter's own staff, who see their shelter alone (none until the regional manager assigns them); the staff accounts for the regional manager.",
  })
  @ApiZodQuery(shelterListQuery)
  @ApiZodResponse(200, shelterBoard, "The region's shelters")
  board(@Query(new ZodValidationPipe(shelterListQuery)) query: ShelterListQuery, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.shelters.board(query, context, principal);
  }

  @Post(':shelterId/staff')
  @HttpCode(201)
  @Access({ roles: ['REGIONAL_MANAGER'], region: 'record' })
  @ApiOperation({
    summary: 'Assign a staff account to the shelter, or take it off (regional managers)',
    description:
      'The account as the staff member’s desk shows it. One shelter per account: assigning it here moves it from any other; `assigned: false` takes it off, after which it reaches no shelter. Audited.',
  })
  @ApiZodBody(staffAssignment)
  @ApiNotFoundResponse({ description: 'No such shelter' })
  @ApiZodResponse(201, staffAssigned, 'Assigned, or taken off')
  assignStaff(
    @Param('shelterId', new UuidParam('shelterId')) shelterId: string,
    @Body(new ZodValidationPipe(staffAssignment)) request: StaffAssignment,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.shelters.assignStaff(shelterId, request, context, principal);
  }
}
