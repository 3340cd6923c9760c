import { randomUUID } from 'node:crypto';
import { Body, ConflictException, Controller, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, assertRegion, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { AgencyComplaintDecidedV1, AgencyComplaintFiledV1, AgencyTypeSchema, RegionCodeSchema, RegulatorDecisionSchema, type RegionCode } from '@qorgau/contracts';
import type { TransactionalOutbox } from '@qorgau/messaging';
import { ApiZodBody, ApiZodResponse, badRequest, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { announce, ApiRegionalBody, audit, OUTBOX, pastTimestampField, personalText, RegionalBody, regionField, UuidParam } from '@qorgau/service-kit';
import type { LegalTx } from '../database/legal-prisma';

const complaintRequest = (regions: readonly RegionCode[]) =>
  z
    .object({
      region: regionField(regions),
      filedAt: pastTimestampField.optional(),
      agencyType: AgencyTypeSchema,
      agencyName: personalText(300).describe("The agency's registered name; kept in legal, never published"),
    })
    .strict();
const decisionRequest = z.object({ decision: RegulatorDecisionSchema, decidedAt: pastTimestampField.optional() }).strict();

/** The agency's name stays in legal: answers carry its type only. */
const complaintFiled = AgencyComplaintFiledV1.extend({ id: z.uuid(), region: RegionCodeSchema, decision: z.null() });
const complaintDecided = AgencyComplaintDecidedV1.extend({ id: z.uuid(), region: RegionCodeSchema });

@ApiTags('agency-complaints')
@Controller('agency-complaints')
export class AgencyComplaintsController {
  constructor(@Inject(OUTBOX) private readonly outbox: TransactionalOutbox<LegalTx>) {}

  @Post()
  @HttpCode(201)
  @Access({ roles: ['LAWYER'], region: { body: 'region' } })
  @ApiOperation({ summary: 'File a complaint against a travel, job or other agency with the regulator', description: 'Announced as AgencyComplaintFiled.' })
  @ApiRegionalBody(complaintRequest)
  @ApiZodResponse(201, complaintFiled, 'The complaint, awaiting the regulator')
  file(@Body(RegionalBody(complaintRequest)) request: z.output<ReturnType<typeof complaintRequest>>, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    const id = randomUUID();
    const filedAt = request.filedAt ?? context.now.toISOString();
    return this.outbox.run(async (tx) => {
      await tx.agencyComplaint.create({
        data: { id, region: request.region, filedAt: new Date(filedAt), agencyType: request.agencyType, agencyName: request.agencyName, createdBy: principal.subject },
      });
      await audit(tx, principal, context, 'CREATE', { type: 'AGENCY_COMPLAINT', id }, 'FileComplaint');
      const payload = { complaintId: id, filedAt, agencyType: request.agencyType };
      return { result: { id, region: request.region, ...payload, decision: null }, events: announce('legal', request.region, context, { type: 'AgencyComplaintFiled', payload }) };
    });
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
    @Body(new ZodValidationPipe(decisionRequest)) request: z.output<typeof decisionRequest>,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.outbox.run(async (tx) => {
      await tx.$executeRaw`SELECT 1 FROM agency_complaint WHERE id = ${id}::uuid FOR UPDATE`;
      const row = await tx.agencyComplaint.findUnique({ where: { id } });
      if (!row) throw new NotFoundException({ statusCode: 404, message: `no complaint ${id}` });
      assertRegion(principal, row.region as RegionCode);
      if (row.decision) throw new ConflictException({ statusCode: 409, message: `the regulator already decided (${row.decision})` });
      const decidedAt = request.decidedAt ?? context.now.toISOString();
      if (new Date(decidedAt) < row.filedAt) throw badRequest([{ field: 'decidedAt', message: 'cannot be before the complaint was filed' }]);
      await tx.agencyComplaint.update({ where: { id }, data: { decision: request.decision, decidedAt: new Date(decidedAt) } });
      await audit(tx, principal, context, 'UPDATE', { type: 'AGENCY_COMPLAINT', id }, 'RecordDecision');
      const payload = { complaintId: id, decidedAt, agencyType: row.agencyType as z.infer<typeof AgencyTypeSchema>, decision: request.decision };
      return { result: { id, region: row.region, ...payload }, events: announce('legal', row.region as RegionCode, context, { type: 'AgencyComplaintDecided', payload }) };
    });
  }
}
