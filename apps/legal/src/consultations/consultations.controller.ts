import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { ApiZodResponse, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { ApiRegionalBody, erasureResult, ImportEndpoint, importRequest, RegionalBody, SERVICE_CONFIG, UuidParam, type ImportRequest, type ServiceKitConfig } from '@qorgau/service-kit';
import { ConsultationCommands } from './consultation.commands';
import { consultationRequest, type ConsultationRequest } from './consultation.requests';
import { consultationDetails, consultationRecorded } from './consultation.responses';

@ApiTags('consultations')
@Controller('consultations')
export class ConsultationsController {
  private readonly schema: ReturnType<typeof consultationRequest>;

  constructor(
    private readonly consultations: ConsultationCommands,
    @Inject(SERVICE_CONFIG) config: ServiceKitConfig,
  ) {
    this.schema = consultationRequest(config.QORGAU_REGIONS);
  }

  @Post()
  @HttpCode(201)
  @Access({ roles: ['LAWYER'], region: { body: 'region' } })
  @ApiOperation({ summary: 'Record a legal consultation', description: 'Announced as LegalConsultationGiven, with categories only.' })
  @ApiRegionalBody(consultationRequest)
  @ApiZodResponse(201, consultationRecorded, 'The consultation, without personal details')
  give(@Body(RegionalBody(consultationRequest)) request: ConsultationRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.consultations.give(request, context, principal);
  }

  @ImportEndpoint('import', 'consultations', 'Each row is the body of POST /consultations, checked and stored as that would, and announced as LegalConsultationGiven.')
  @Access({ roles: ['LAWYER'] })
  import(@Body(new ZodValidationPipe(importRequest)) request: ImportRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.consultations.import(request, this.schema, context, principal);
  }

  @Get(':id')
  @Access({ roles: ['LAWYER'], region: 'record' })
  @ApiOperation({ summary: 'Read a consultation with the client’s details (audited)' })
  @ApiZodResponse(200, consultationDetails, 'The consultation with the client’s details (null where none were given or they were erased)')
  @ApiNotFoundResponse({ description: 'No consultation with this id' })
  read(@Param('id', new UuidParam('id')) id: string, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    return this.consultations.read(id, context, principal);
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @Access({ roles: ['REGIONAL_MANAGER', 'ADMINISTRATOR'], region: 'record' })
  @ApiOperation({ summary: "Erase the client's personal details for good (crypto-shredding); categories and statistics stay" })
  @ApiNotFoundResponse({ description: 'No consultation with this id' })
  @ApiZodResponse(200, erasureResult, 'The personal details are gone for good')
  erase(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    return this.consultations.erase(id, context, principal);
  }
}
