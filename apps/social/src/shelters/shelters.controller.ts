import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodQuery, ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { ApiRegionalBody, RegionalBody } from '@qorgau/service-kit';
import { ShelterCommands } from './shelter.commands';
import { shelterListQuery, shelterRequest, type ShelterListQuery, type ShelterRequest } from './shelter.requests';
import { shelterBoard, shelterCreated } from './shelter.responses';

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
  @Access({ roles: ['SOCIAL_WORKER', 'REGIONAL_MANAGER'], region: { query: 'region' } })
  @ApiOperation({ summary: "The region's shelters with their beds taken and free (the address for the regional manager only; audited)" })
  @ApiZodQuery(shelterListQuery)
  @ApiZodResponse(200, shelterBoard, "The region's shelters")
  board(@Query(new ZodValidationPipe(shelterListQuery)) query: ShelterListQuery, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.shelters.board(query, context, principal);
  }
}
