import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, assertRegion, CurrentPrincipal, type Principal } from '@qorgau/auth';
import {
  AgeBandSchema,
  ConsultationFormatSchema,
  PresentingIssueSchema,
  PsychologicalConsultationGivenV1,
  PsychologyClientTypeSchema,
  RegionCodeSchema,
  SexSchema,
  type RegionCode,
} from '@qorgau/contracts';
import type { TransactionalOutbox } from '@qorgau/messaging';
import { ApiZodResponse, badRequest, Ctx, type RequestContext } from '@qorgau/platform';
import {
  announce,
  ApiRegionalBody,
  audit,
  clientIdentityFields,
  ErasePersonalData,
  erasureResult,
  OUTBOX,
  pastTimestampField,
  PersonalData,
  RegionalBody,
  regionField,
  uniqueList,
  UuidParam,
  type ErasableRecord,
} from '@qorgau/service-kit';
import { PsychologyPrisma, type PsychologyTx } from '../database/psychology-prisma';

const consultationRequest = (regions: readonly RegionCode[]) =>
  z
    .object({
      region: regionField(regions),
      givenAt: pastTimestampField.optional().describe('When the consultation took place (default: now)'),
      clientType: PsychologyClientTypeSchema,
      clientSex: SexSchema,
      clientAgeBand: AgeBandSchema,
      format: ConsultationFormatSchema,
      presentingIssues: uniqueList(PresentingIssueSchema, 10).min(1, 'name at least one presenting issue'),
      anonymous: z.boolean().default(true).describe('Anonymous by default: give a name or contact only when the client agrees (anonymous: false)'),
      ...clientIdentityFields,
    })
    .strict();

const consultationRecorded = PsychologicalConsultationGivenV1.extend({ id: z.uuid(), region: RegionCodeSchema });
const consultationDetails = z.object({
  id: z.uuid(),
  region: RegionCodeSchema,
  givenAt: z.iso.datetime({ offset: true }),
  clientType: PsychologyClientTypeSchema,
  clientSex: SexSchema,
  clientAgeBand: AgeBandSchema,
  format: ConsultationFormatSchema,
  presentingIssues: z.array(PresentingIssueSchema),
  anonymous: z.boolean(),
  createdBy: z.string().describe('The psychologist who recorded it'),
  clientName: z.string().nullable().describe('Personal'),
  clientContact: z.string().nullable().describe('Personal'),
  notes: z.string().nullable().describe('Personal; psychologists only'),
  personalDataErased: z.boolean(),
});

const CONSULTATION: ErasableRecord = { table: 'psychological_consultation', label: 'consultation', recordType: 'PSYCHOLOGICAL_CONSULTATION', operation: 'EraseClient' };

/** Consultations: notes and any identity are for psychologists only. */
const PSYCHOLOGISTS = ['PSYCHOLOGIST'] as const;

@ApiTags('consultations')
@Controller('consultations')
export class ConsultationsController {
  constructor(
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<PsychologyTx>,
    private readonly prisma: PsychologyPrisma,
    private readonly personal: PersonalData,
    private readonly erasure: ErasePersonalData,
  ) {}

  @Post()
  @HttpCode(201)
  @Access({ roles: PSYCHOLOGISTS, region: { body: 'region' } })
  @ApiOperation({ summary: 'Record a psychological consultation (anonymous by default)', description: 'Announced as PsychologicalConsultationGiven, with categories only.' })
  @ApiRegionalBody(consultationRequest)
  @ApiZodResponse(201, consultationRecorded, 'The consultation, without personal details')
  give(@Body(RegionalBody(consultationRequest)) request: z.output<ReturnType<typeof consultationRequest>>, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    if (request.anonymous && (request.clientName || request.clientContact)) {
      throw badRequest([{ field: request.clientName ? 'clientName' : 'clientContact', message: 'an anonymous consultation keeps no name or contact; set anonymous to false if the client agreed' }]);
    }
    const id = randomUUID();
    const givenAt = request.givenAt ?? context.now.toISOString();
    const { region, givenAt: _given, clientName, clientContact, notes, ...categories } = request;
    return this.outbox.run(async (tx) => {
      const sealed = await this.personal.sealNew(tx, 'psychological_consultation', id, { client_name: clientName, client_contact: clientContact, notes });
      await tx.psychologicalConsultation.create({
        data: {
          id,
          region,
          givenAt: new Date(givenAt),
          ...categories,
          personKeyId: sealed.personKeyId,
          clientName: sealed.client_name,
          clientContact: sealed.client_contact,
          notes: sealed.notes,
          createdBy: principal.subject,
        },
      });
      await audit(tx, principal, context, 'CREATE', { type: 'PSYCHOLOGICAL_CONSULTATION', id }, 'GiveConsultation');
      const payload = { consultationId: id, givenAt, ...categories };
      return { result: { id, region, ...payload }, events: announce('psychology', region, context, { type: 'PsychologicalConsultationGiven', payload }) };
    });
  }

  @Get(':id')
  @Access({ roles: PSYCHOLOGISTS, region: 'record' })
  @ApiOperation({ summary: 'Read a consultation with its notes (psychologists only; audited)' })
  @ApiZodResponse(200, consultationDetails, 'The consultation with its notes (null where none were given or they were erased)')
  @ApiNotFoundResponse({ description: 'No consultation with this id' })
  async read(@Param('id', new UuidParam('id')) id: string, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    const row = await this.prisma.psychologicalConsultation.findUnique({ where: { id } });
    if (!row) throw new NotFoundException({ statusCode: 404, message: `no consultation ${id}` });
    assertRegion(principal, row.region as RegionCode);
    await audit(this.prisma, principal, context, 'READ', { type: 'PSYCHOLOGICAL_CONSULTATION', id }, 'ReadConsultation');
    const opened = await this.personal.openAll(this.prisma, 'psychological_consultation', id, row.personKeyId, { client_name: row.clientName, client_contact: row.clientContact, notes: row.notes });
    const { personKeyId: _key, clientName: _name, clientContact: _contact, notes: _notes, createdAt: _created, ...categories } = row;
    return {
      ...categories,
      givenAt: row.givenAt.toISOString(),
      clientName: opened.client_name,
      clientContact: opened.client_contact,
      notes: opened.notes,
      personalDataErased: opened.personalDataErased,
    };
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @Access({ roles: ['REGIONAL_MANAGER', 'ADMINISTRATOR'], region: 'record' })
  @ApiOperation({ summary: "Erase the client's identity and the notes for good (crypto-shredding); categories and statistics stay" })
  @ApiNotFoundResponse({ description: 'No consultation with this id' })
  @ApiZodResponse(200, erasureResult, 'The personal details are gone for good')
  erase(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    return this.erasure.execute(CONSULTATION, id, principal, context);
  }
}
