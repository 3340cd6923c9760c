import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Access, assertRegion, CurrentPrincipal, type Principal } from '@qorgau/auth';
import {
  AudienceSchema,
  MaterialKindSchema,
  MediaKindSchema,
  ParticipantGroupSchema,
  PartnerAgencySchema,
  RaidPlaceTypeSchema,
  RaidVictimSchema,
  RegionCodeSchema,
  MaterialsDistributedV1,
  MediaOutputPublishedV1,
  RaidConductedV1,
  TrainingHeldV1,
  TrainingSiteTypeSchema,
  VolunteerSessionHeldV1,
  type DomainEvent,
  type RegionCode,
} from '@qorgau/contracts';
import type { TransactionalOutbox } from '@qorgau/messaging';
import { ApiZodQuery, ApiZodResponse, badRequest, Ctx, ZodValidationPipe, type RequestContext } from '@qorgau/platform';
import { announce, ApiRegionalBody, countField, OUTBOX, pastTimestampField, personalText, RegionalBody, regionField, UuidParam } from '@qorgau/service-kit';
import { OutreachPrisma, type OutreachTx } from '../database/outreach-prisma';

const text = (max: number) => personalText(max);

export const activityRequests = (regions: readonly RegionCode[]) => {
  const region = regionField(regions);
  return {
    training: z
      .object({
        region,
        heldAt: pastTimestampField,
        site: text(300).describe('Where: the school, university, camp… by name'),
        siteType: TrainingSiteTypeSchema,
        audience: AudienceSchema,
        participants: z.array(ParticipantGroupSchema).min(1, 'count the participants by sex and age band').max(50),
        hours: z.number().int('must be whole hours').min(1).max(200),
        partner: text(300).optional().describe('The partner organisation, if any'),
      })
      .strict(),
    materials: z.object({ region, distributedAt: pastTimestampField, kind: MaterialKindSchema, title: text(300), quantity: countField().min(1, 'must be at least 1') }).strict(),
    media: z.object({ region, publishedAt: pastTimestampField, kind: MediaKindSchema, outlet: text(300), title: text(300).optional() }).strict(),
    raid: z
      .object({
        region,
        conductedAt: pastTimestampField,
        placeType: RaidPlaceTypeSchema,
        partnerAgency: PartnerAgencySchema,
        personsScreened: countField(),
        victims: z
          .array(RaidVictimSchema.omit({ caseId: true }).strict())
          .max(500)
          .default([])
          .describe('Each victim identified, by category only; intake opens a case for each'),
      })
      .strict()
      .refine((raid) => raid.victims.length <= raid.personsScreened, { path: ['victims'], message: 'cannot list more victims than persons screened' }),
    volunteerSession: z
      .object({ region, heldAt: pastTimestampField, volunteers: countField(1000).min(1, 'must be at least 1'), hours: z.number().int('must be whole hours').min(1).max(24), activity: text(300) })
      .strict(),
  };
};
type Requests = ReturnType<typeof activityRequests>;
type RequestOf<K extends keyof Requests> = z.output<Requests[K]>;

const COORDINATORS = ['OUTREACH_COORDINATOR'] as const;

// What is recorded answers with the event's categories and counts.
const recorded = <S extends z.ZodObject>(payload: S) => payload.extend({ region: RegionCodeSchema });
const stored = { id: z.uuid(), region: RegionCodeSchema, createdBy: z.string() };
const trainingRow = z.object({
  ...stored,
  createdAt: z.iso.datetime({ offset: true }),
  heldAt: z.iso.datetime({ offset: true }),
  site: z.string(),
  siteType: TrainingSiteTypeSchema,
  audience: AudienceSchema,
  participants: z.array(ParticipantGroupSchema),
  hours: z.number().int(),
  partner: z.string().nullable(),
});
const materialsRow = z.object({ ...stored, distributedAt: z.iso.datetime({ offset: true }), kind: MaterialKindSchema, title: z.string(), quantity: z.number().int() });
const mediaRow = z.object({ ...stored, publishedAt: z.iso.datetime({ offset: true }), kind: MediaKindSchema, outlet: z.string(), title: z.string().nullable() });
const raidRow = z.object({
  ...stored,
  conductedAt: z.iso.datetime({ offset: true }),
  placeType: RaidPlaceTypeSchema,
  partnerAgency: PartnerAgencySchema,
  personsScreened: z.number().int(),
  victims: z.array(RaidVictimSchema),
});
const volunteerRow = z.object({ ...stored, heldAt: z.iso.datetime({ offset: true }), volunteers: z.number().int(), hours: z.number().int(), activity: z.string() });
const monthOfActivities = z.object({
  region: RegionCodeSchema,
  month: z.string().regex(/^\d{4}-\d{2}$/),
  trainings: z.array(trainingRow),
  materials: z.array(materialsRow),
  media: z.array(mediaRow),
  raids: z.array(raidRow),
  volunteerSessions: z.array(volunteerRow),
});
const KAZAKHSTAN_OFFSET_MS = 5 * 3_600_000;

const activitiesQuery = z
  .object({
    region: RegionCodeSchema.optional().describe('Your region (the default)'),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
      .optional()
      .describe('Default: this month'),
  })
  .strict();

@ApiTags('activities')
@Controller()
export class ActivitiesController {
  constructor(
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<OutreachTx>,
    private readonly prisma: OutreachPrisma,
  ) {}

  @Post('trainings')
  @ApiZodResponse(201, recorded(TrainingHeldV1), 'The training, as announced')
  @HttpCode(201)
  @Access({ roles: COORDINATORS, region: { body: 'region' } })
  @ApiOperation({ summary: 'Record a training or seminar with its participants by sex and age band', description: 'Announced as TrainingHeld.' })
  @ApiRegionalBody((regions) => activityRequests(regions).training)
  training(@Body(RegionalBody((regions) => activityRequests(regions).training)) r: RequestOf<'training'>, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    const id = randomUUID();
    return this.record(r.region, context, async (tx) => {
      await tx.training.create({
        data: {
          id,
          region: r.region,
          heldAt: new Date(r.heldAt),
          site: r.site,
          siteType: r.siteType,
          audience: r.audience,
          participants: r.participants,
          hours: r.hours,
          partner: r.partner ?? null,
          createdBy: principal.subject,
        },
      });
      return {
        type: 'TrainingHeld',
        payload: { trainingId: id, heldAt: r.heldAt, siteType: r.siteType, audience: r.audience, participants: r.participants, hours: r.hours, withPartner: Boolean(r.partner) },
      };
    });
  }

  @Post('materials')
  @ApiZodResponse(201, recorded(MaterialsDistributedV1), 'The distribution, as announced')
  @HttpCode(201)
  @Access({ roles: COORDINATORS, region: { body: 'region' } })
  @ApiOperation({ summary: 'Record booklets, brochures, posters or other materials distributed', description: 'Announced as MaterialsDistributed.' })
  @ApiRegionalBody((regions) => activityRequests(regions).materials)
  materials(@Body(RegionalBody((regions) => activityRequests(regions).materials)) r: RequestOf<'materials'>, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    const id = randomUUID();
    return this.record(r.region, context, async (tx) => {
      await tx.materialDistribution.create({
        data: { id, region: r.region, distributedAt: new Date(r.distributedAt), kind: r.kind, title: r.title, quantity: r.quantity, createdBy: principal.subject },
      });
      return { type: 'MaterialsDistributed', payload: { distributionId: id, distributedAt: r.distributedAt, kind: r.kind, quantity: r.quantity } };
    });
  }

  @Post('media')
  @ApiZodResponse(201, recorded(MediaOutputPublishedV1), 'The media output, as announced')
  @HttpCode(201)
  @Access({ roles: COORDINATORS, region: { body: 'region' } })
  @ApiOperation({ summary: 'Record a newspaper article, broadcast, online piece, paid advertisement or press conference', description: 'Announced as MediaOutputPublished.' })
  @ApiRegionalBody((regions) => activityRequests(regions).media)
  media(@Body(RegionalBody((regions) => activityRequests(regions).media)) r: RequestOf<'media'>, @Ctx() context: RequestContext, @CurrentPrincipal() principal: Principal) {
    const id = randomUUID();
    return this.record(r.region, context, async (tx) => {
      await tx.mediaOutput.create({ data: { id, region: r.region, publishedAt: new Date(r.publishedAt), kind: r.kind, outlet: r.outlet, title: r.title ?? null, createdBy: principal.subject } });
      return { type: 'MediaOutputPublished', payload: { mediaId: id, publishedAt: r.publishedAt, kind: r.kind } };
    });
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
    const id = randomUUID();
    // Each victim gets the id of the case intake will open, so the raid and the cases can be followed together.
    const victims = r.victims.map((victim) => ({ caseId: randomUUID(), ...victim }));
    return this.record(r.region, context, async (tx) => {
      await tx.raid.create({
        data: {
          id,
          region: r.region,
          conductedAt: new Date(r.conductedAt),
          placeType: r.placeType,
          partnerAgency: r.partnerAgency,
          personsScreened: r.personsScreened,
          victims,
          createdBy: principal.subject,
        },
      });
      return { type: 'RaidConducted', payload: { raidId: id, conductedAt: r.conductedAt, placeType: r.placeType, partnerAgency: r.partnerAgency, personsScreened: r.personsScreened, victims } };
    });
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
    const id = randomUUID();
    return this.record(r.region, context, async (tx) => {
      await tx.volunteerSession.create({ data: { id, region: r.region, heldAt: new Date(r.heldAt), volunteers: r.volunteers, hours: r.hours, activity: r.activity, createdBy: principal.subject } });
      return { type: 'VolunteerSessionHeld', payload: { sessionId: id, heldAt: r.heldAt, volunteers: r.volunteers, hours: r.hours } };
    });
  }

  @Get('raids/:id')
  @Access({ roles: [...COORDINATORS, 'REGIONAL_MANAGER'], region: 'record' })
  @ApiOperation({ summary: 'Read a raid, with the case id opened in intake for each victim identified' })
  @ApiNotFoundResponse({ description: 'No raid with this id' })
  @ApiZodResponse(200, raidRow, 'The raid, with a case id per victim')
  async readRaid(@Param('id', new UuidParam('id')) id: string, @CurrentPrincipal() principal: Principal) {
    const row = await this.prisma.raid.findUnique({ where: { id } });
    if (!row) throw new NotFoundException({ statusCode: 404, message: `no raid ${id}` });
    assertRegion(principal, row.region as RegionCode);
    return { ...row, conductedAt: row.conductedAt.toISOString() };
  }

  @Get('activities')
  @Access({ roles: [...COORDINATORS, 'REGIONAL_MANAGER'], region: { query: 'region' } })
  @ApiOperation({ summary: "A month of the region's outreach: trainings, materials, media, raids and volunteer sessions, as recorded" })
  @ApiZodQuery(activitiesQuery)
  @ApiZodResponse(200, monthOfActivities, 'The month’s activities, oldest first')
  async activities(@Query(new ZodValidationPipe(activitiesQuery)) query: z.output<typeof activitiesQuery>, @CurrentPrincipal() principal: Principal) {
    const region = query.region ?? principal.region;
    if (!region) throw badRequest([{ field: 'region', message: 'name the region whose activities to list' }]);
    const month = query.month ?? new Date(Date.now() + KAZAKHSTAN_OFFSET_MS).toISOString().slice(0, 7);
    const [year, m] = month.split('-').map(Number) as [number, number];
    // Kazakhstan keeps one time zone, UTC+5, all year: a month runs from its first midnight there.
    const within = { gte: new Date(Date.UTC(year, m - 1, 1) - KAZAKHSTAN_OFFSET_MS), lt: new Date(Date.UTC(year, m, 1) - KAZAKHSTAN_OFFSET_MS) };
    const [trainings, materials, media, raids, volunteerSessions] = await Promise.all([
      this.prisma.training.findMany({ where: { region, heldAt: within }, orderBy: { heldAt: 'asc' } }),
      this.prisma.materialDistribution.findMany({ where: { region, distributedAt: within }, orderBy: { distributedAt: 'asc' } }),
      this.prisma.mediaOutput.findMany({ where: { region, publishedAt: within }, orderBy: { publishedAt: 'asc' } }),
      this.prisma.raid.findMany({ where: { region, conductedAt: within }, orderBy: { conductedAt: 'asc' } }),
      this.prisma.volunteerSession.findMany({ where: { region, heldAt: within }, orderBy: { heldAt: 'asc' } }),
    ]);
    return { region, month, trainings, materials, media, raids, volunteerSessions };
  }

  /** Stores an activity and announces it, in one transaction. */
  private record(region: RegionCode, context: RequestContext, write: (tx: OutreachTx) => Promise<DomainEvent>) {
    return this.outbox.run(async (tx) => {
      const event = await write(tx);
      return { result: { region, ...event.payload }, events: announce('outreach', region, context, event) };
    });
  }
}
