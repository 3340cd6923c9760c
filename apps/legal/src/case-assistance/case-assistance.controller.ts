import { randomUUID } from 'node:crypto';
import { Body, ConflictException, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, assertRegion, CurrentPrincipal, type Principal } from '@qorgau/auth';
import { CountryCodeSchema, LegalAssistanceKindSchema, RegionCodeSchema, type DomainEvent, type RegionCode } from '@qorgau/contracts';
import type { TransactionalOutbox } from '@qorgau/messaging';
import { ApiZodBody, ApiZodQuery, ApiZodResponse, badRequest, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { announce, audit, binding, OUTBOX, PersonalData, pastTimestampField, personalText, UuidParam } from '@qorgau/service-kit';
import { LegalPrisma, type LegalTx } from '../database/legal-prisma';

const assistanceRequest = z
  .object({
    kind: z.enum([...LegalAssistanceKindSchema.options, 'REPATRIATION']).describe('REPATRIATION is announced as VictimRepatriated'),
    at: pastTimestampField.optional().describe('When it happened (default: now)'),
    country: CountryCodeSchema.optional().describe('For REPATRIATION: the country the victim returned to'),
    embassyInvolved: z.boolean().optional().describe('For REPATRIATION: whether the embassy took part'),
    note: personalText(4000).optional().describe('Personal free text: stored encrypted, never published'),
  })
  .strict();
type AssistanceRequest = z.output<typeof assistanceRequest>;

const queueQuery = z
  .object({
    region: RegionCodeSchema.optional().describe('Your region (the default)'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

const assistanceKind = assistanceRequest.shape.kind;
const actionRecorded = z.object({ id: z.uuid(), caseId: z.uuid(), kind: assistanceKind, at: z.iso.datetime({ offset: true }) });
const assistanceQueue = z.array(
  z.object({
    caseId: z.uuid(),
    assistanceId: z.uuid(),
    region: RegionCodeSchema,
    openedAt: z.iso.datetime({ offset: true }),
    actions: z.array(z.object({ kind: assistanceKind, at: z.iso.datetime({ offset: true }) })),
  }),
);
const assistanceDetails = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  region: RegionCodeSchema,
  openedAt: z.iso.datetime({ offset: true }),
  actions: z.array(
    z.object({
      id: z.uuid(),
      kind: assistanceKind,
      at: z.iso.datetime({ offset: true }),
      country: CountryCodeSchema.nullable(),
      embassyInvolved: z.boolean().nullable(),
      note: z.string().nullable().describe('Personal'),
    }),
  ),
});

@ApiTags('case-assistance')
@Controller('case-assistance')
export class CaseAssistanceController {
  constructor(
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<LegalTx>,
    private readonly prisma: LegalPrisma,
    private readonly personal: PersonalData,
  ) {}

  @Post(':caseId/actions')
  @HttpCode(201)
  @Access({ roles: ['LAWYER'], region: 'record' })
  @ApiOperation({
    summary: "Record legal assistance on a victim's case referred to legal: documents restored, repatriation, return home, legal representation",
    description: 'Announced as LegalAssistanceProvided, or VictimRepatriated for a repatriation.',
  })
  @ApiZodBody(assistanceRequest)
  @ApiNotFoundResponse({ description: 'The case was not referred to legal' })
  @ApiZodResponse(201, actionRecorded, 'The assistance is recorded')
  act(
    @Param('caseId', new UuidParam('caseId')) caseId: string,
    @Body(new ZodValidationPipe(assistanceRequest)) request: AssistanceRequest,
    @Ctx() context: RequestContext,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (request.kind === 'REPATRIATION' && !request.country) throw badRequest([{ field: 'country', message: 'a repatriation names the country the victim returned to' }]);
    if (request.kind !== 'REPATRIATION' && (request.country || request.embassyInvolved !== undefined)) {
      throw badRequest([{ field: request.country ? 'country' : 'embassyInvolved', message: 'only a repatriation has a country and an embassy' }]);
    }
    return this.outbox.run(async (tx) => {
      const assistance = await this.load(tx, caseId);
      assertRegion(principal, assistance.region as RegionCode);
      const id = randomUUID();
      const at = request.at ?? context.now.toISOString();
      const note = request.note ? this.personal.seal(await this.caseKey(tx, assistance), binding('assistance_action', id, 'note'), request.note) : null;
      await tx.assistanceAction.create({
        data: {
          id,
          assistanceId: assistance.id,
          kind: request.kind,
          at: new Date(at),
          country: request.country ?? null,
          embassyInvolved: request.embassyInvolved ?? null,
          note,
          createdBy: principal.subject,
        },
      });
      await audit(tx, principal, context, 'UPDATE', { type: 'CASE_ASSISTANCE', id: assistance.id }, `Assistance${request.kind}`);
      const event: DomainEvent =
        request.kind === 'REPATRIATION'
          ? { type: 'VictimRepatriated', payload: { assistanceId: assistance.id, caseId, repatriatedAt: at, country: request.country!, embassyInvolved: request.embassyInvolved ?? false } }
          : { type: 'LegalAssistanceProvided', payload: { assistanceId: assistance.id, caseId, kind: request.kind, providedAt: at } };
      return { result: { id, caseId, kind: request.kind, at }, events: announce('legal', assistance.region as RegionCode, context, event) };
    });
  }

  @Get()
  @Access({ roles: ['LAWYER'], region: { query: 'region' } })
  @ApiOperation({ summary: "The lawyer's queue: victims' cases referred to legal in the region, newest first, with what was done (no notes)" })
  @ApiZodQuery(queueQuery)
  @ApiZodResponse(200, assistanceQueue, 'Cases referred to legal in the region, with what was done')
  async queue(@Query(new ZodValidationPipe(queueQuery)) query: z.output<typeof queueQuery>, @CurrentPrincipal() principal: Principal) {
    const region = query.region ?? principal.region;
    if (!region) throw badRequest([{ field: 'region', message: 'name the region whose cases to list' }]);
    const rows = await this.prisma.caseAssistance.findMany({
      where: { region },
      orderBy: { openedAt: 'desc' },
      take: query.limit,
      include: { actions: { select: { kind: true, at: true }, orderBy: { at: 'asc' } } },
    });
    return rows.map((row) => ({
      caseId: row.caseId,
      assistanceId: row.id,
      region: row.region,
      openedAt: row.openedAt.toISOString(),
      actions: row.actions.map((a) => ({ kind: a.kind, at: a.at.toISOString() })),
    }));
  }

  @Get(':caseId')
  @Access({ roles: ['LAWYER'], region: 'record' })
  @ApiOperation({ summary: "The lawyer's work on a case: when it was referred and every action, with notes (audited)" })
  @ApiNotFoundResponse({ description: 'The case was not referred to legal' })
  @ApiZodResponse(200, assistanceDetails, 'The assistance on the case, with the lawyer’s notes')
  async read(@Param('caseId', new UuidParam('caseId')) caseId: string, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    const assistance = await this.load(this.prisma, caseId);
    assertRegion(principal, assistance.region as RegionCode);
    await audit(this.prisma, principal, context, 'READ', { type: 'CASE_ASSISTANCE', id: assistance.id }, 'ReadCaseAssistance');
    const actions = await this.prisma.assistanceAction.findMany({ where: { assistanceId: assistance.id }, orderBy: { at: 'asc' } });
    const key = await this.personal.keyOf(this.prisma, assistance.personKeyId);
    return {
      id: assistance.id,
      caseId,
      region: assistance.region,
      openedAt: assistance.openedAt.toISOString(),
      actions: actions.map((a) => ({
        id: a.id,
        kind: a.kind,
        at: a.at.toISOString(),
        country: a.country,
        embassyInvolved: a.embassyInvolved,
        note: this.personal.open(key, binding('assistance_action', a.id, 'note'), a.note),
      })),
    };
  }

  private async load(db: Pick<LegalTx, 'caseAssistance'>, caseId: string) {
    const assistance = await db.caseAssistance.findUnique({ where: { caseId } });
    if (!assistance) throw new NotFoundException({ statusCode: 404, message: `case ${caseId} has not been referred to legal (refer it in intake first)` });
    return assistance;
  }

  /** The case's person key in legal, made when its first note arrives. */
  private async caseKey(tx: LegalTx, assistance: { id: string; personKeyId: string | null }): Promise<Buffer> {
    const existing = await this.personal.keyOf(tx, assistance.personKeyId);
    if (existing) return existing;
    if (assistance.personKeyId) throw new ConflictException({ statusCode: 409, message: "this case's personal data was erased; no new note can be recorded" });
    const person = await this.personal.newPerson(tx);
    await tx.caseAssistance.update({ where: { id: assistance.id }, data: { personKeyId: person.id } });
    return person.key;
  }
}
