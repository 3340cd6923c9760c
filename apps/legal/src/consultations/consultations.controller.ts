import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, assertRegion, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { AgeBandSchema, LegalClientTypeSchema, LegalConsultationGivenV1, LegalConsultationOutcomeSchema, LegalTopicSchema, RegionCodeSchema, SexSchema, type RegionCode } from '@qorgau/contracts';
import type { TransactionalOutbox } from '@qorgau/messaging';
import { ApiZodResponse, Ctx, type RequestContext } from '@qorgau/platform';
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
import { LegalPrisma, type LegalTx } from '../database/legal-prisma';

const consultationRequest = (regions: readonly RegionCode[]) =>
  z
    .object({
      region: regionField(regions),
      givenAt: pastTimestampField.optional().describe('When the consultation took place (default: now)'),
      clientType: LegalClientTypeSchema,
      clientSex: SexSchema,
      clientAgeBand: AgeBandSchema,
      topics: uniqueList(LegalTopicSchema, 10).min(1, 'name at least one topic'),
      outcome: LegalConsultationOutcomeSchema,
      ...clientIdentityFields,
    })
    .strict();
type ConsultationRequest = z.output<ReturnType<typeof consultationRequest>>;

/** What is recorded: the event's categories, no personal detail. */
const consultationRecorded = LegalConsultationGivenV1.extend({ id: z.uuid(), region: RegionCodeSchema });
const consultationDetails = z.object({
  id: z.uuid(),
  region: RegionCodeSchema,
  givenAt: z.iso.datetime({ offset: true }),
  clientType: LegalClientTypeSchema,
  clientSex: SexSchema,
  clientAgeBand: AgeBandSchema,
  topics: z.array(LegalTopicSchema),
  outcome: LegalConsultationOutcomeSchema,
  clientName: z.string().nullable().describe('Personal'),
  clientContact: z.string().nullable().describe('Personal'),
  notes: z.string().nullable().describe('Personal'),
  personalDataErased: z.boolean(),
});

const CONSULTATION: ErasableRecord = { table: 'legal_consultation', label: 'consultation', recordType: 'LEGAL_CONSULTATION', operation: 'EraseClient' };

@ApiTags('consultations')
@Controller('consultations')
export class ConsultationsController {
  constructor(
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<LegalTx>,
    private readonly prisma: LegalPrisma,
    private readonly personal: PersonalData,
    private readonly erasure: ErasePersonalData,
  ) {}

  @Post()
  @HttpCode(201)
  @Access({ roles: ['LAWYER'], region: { body: 'region' } })
  @ApiOperation({ summary: 'Record a legal consultation', description: 'Announced as LegalConsultationGiven, with categories only.' })
  @ApiRegionalBody(consultationRequest)
  @ApiZodResponse(201, consultationRecorded, 'The consultation, without personal details')
  give(@Body(RegionalBody(consultationRequest)) request: ConsultationRequest, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    const id = randomUUID();
    const givenAt = request.givenAt ?? context.now.toISOString();
    const { region, givenAt: _given, clientName, clientContact, notes, ...categories } = request;
    return this.outbox.run(async (tx) => {
      const sealed = await this.personal.sealNew(tx, 'legal_consultation', id, { client_name: clientName, client_contact: clientContact, notes });
      await tx.legalConsultation.create({
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
      await audit(tx, principal, context, 'CREATE', { type: 'LEGAL_CONSULTATION', id }, 'GiveConsultation');
      const payload = { consultationId: id, givenAt, ...categories };
      return { result: { id, region, ...payload }, events: announce('legal', region, context, { type: 'LegalConsultationGiven', payload }) };
    });
  }

  @Get(':id')
  @Access({ roles: ['LAWYER'], region: 'record' })
  @ApiOperation({ summary: 'Read a consultation with the client’s details (audited)' })
  @ApiZodResponse(200, consultationDetails, 'The consultation with the client’s details (null where none were given or they were erased)')
  @ApiNotFoundResponse({ description: 'No consultation with this id' })
  async read(@Param('id', new UuidParam('id')) id: string, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    const row = await this.prisma.legalConsultation.findUnique({ where: { id } });
    if (!row) throw new NotFoundException({ statusCode: 404, message: `no consultation ${id}` });
    assertRegion(principal, row.region as RegionCode);
    await audit(this.prisma, principal, context, 'READ', { type: 'LEGAL_CONSULTATION', id }, 'ReadConsultation');
    const opened = await this.personal.openAll(this.prisma, 'legal_consultation', id, row.personKeyId, { client_name: row.clientName, client_contact: row.clientContact, notes: row.notes });
    return {
      id,
      region: row.region,
      givenAt: row.givenAt.toISOString(),
      clientType: row.clientType,
      clientSex: row.clientSex,
      clientAgeBand: row.clientAgeBand,
      topics: row.topics,
      outcome: row.outcome,
      clientName: opened.client_name,
      clientContact: opened.client_contact,
      notes: opened.notes,
      personalDataErased: opened.personalDataErased,
    };
  }

  @Post(':id/erasure')
  @HttpCode(200)
  @Access({ roles: ['REGIONAL_MANAGER', 'ADMINISTRATOR'], region: 'record' })
  @ApiOperation({ summary: "Erase the client's personal details for good (crypto-shredding); categories and statistics stay" })
  @ApiNotFoundResponse({ description: 'No consultation with this id' })
  @ApiZodResponse(200, erasureResult, 'The personal details are gone for good')
  erase(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @Ctx() context: RequestContext) {
    return this.erasure.execute(CONSULTATION, id, principal, context);
  }
}
