import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import { kazakhstanMonth, monthInstants, type DomainEvent, type RegionCode } from '@qorgau/contracts';
import type { RequestContext } from '@qorgau/platform';
import type { Decision } from '@qorgau/domain';
import type { z } from 'zod';
import { Commands, found, Imports, listedRegion, refused, rowId, type ImportRequest, type ImportResult } from '@qorgau/service-kit';
import { OutreachPrisma, type OutreachTx } from '../database/outreach-prisma';
import { attendMeeting, conductRaid, distributeMaterials, holdTraining, holdVolunteerSession, publishMedia, signAgreement } from './activity.decider';
import type { ActivitiesQuery, RequestOf } from './activity.requests';

/**
 * One kind of activity: its decider on a request, with the row to store under `id`, and its table.
 * The one-record API and the import of a spreadsheet take the same path through it.
 */
interface ActivityKind<R extends { region: RegionCode }, Row extends { region: RegionCode }> {
  /** Names the kind in an imported row's id. */
  readonly name: string;
  decide(id: string, request: R, createdBy: string): Decision<{ readonly event: DomainEvent; readonly row: Row }>;
  insert(tx: OutreachTx, rows: Row[]): Promise<unknown>;
  stored(ids: string[]): Promise<{ id: string }[]>;
}
const kind = <R extends { region: RegionCode }, Row extends { region: RegionCode }>(k: ActivityKind<R, Row>) => k;

/** The decider's single event with the row, or its refusal. */
function withRow<E extends DomainEvent, Row>(decision: Decision<readonly [E]>, row: Row): Decision<{ event: E; row: Row }> {
  return decision.ok ? { ok: true, value: { event: decision.value[0], row } } : decision;
}

/**
 * The office's outreach: trainings, materials, media, raids and the volunteer club. Nothing here
 * names a person, so records are stored and announced without an audit entry.
 */
@Injectable()
export class ActivityCommands {
  readonly training = kind({
    name: 'training',
    decide: (id, r: RequestOf<'training'>, createdBy) =>
      withRow(holdTraining({ trainingId: id, heldAt: r.heldAt, siteType: r.siteType, audience: r.audience, participants: r.participants, hours: r.hours, partner: r.partner }), {
        id,
        region: r.region,
        heldAt: new Date(r.heldAt),
        site: r.site,
        siteType: r.siteType,
        audience: r.audience,
        participants: r.participants,
        hours: r.hours,
        partner: r.partner ?? null,
        createdBy,
      }),
    insert: (tx, data) => tx.training.createMany({ data }),
    stored: (ids) => this.prisma.training.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  });

  readonly materials = kind({
    name: 'materials',
    decide: (id, r: RequestOf<'materials'>, createdBy) =>
      withRow(distributeMaterials({ distributionId: id, distributedAt: r.distributedAt, kind: r.kind, quantity: r.quantity }), {
        id,
        region: r.region,
        distributedAt: new Date(r.distributedAt),
        kind: r.kind,
        title: r.title,
        quantity: r.quantity,
        createdBy,
      }),
    insert: (tx, data) => tx.materialDistribution.createMany({ data }),
    stored: (ids) => this.prisma.materialDistribution.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  });

  readonly media = kind({
    name: 'media',
    decide: (id, r: RequestOf<'media'>, createdBy) =>
      withRow(publishMedia({ mediaId: id, publishedAt: r.publishedAt, kind: r.kind }), {
        id,
        region: r.region,
        publishedAt: new Date(r.publishedAt),
        kind: r.kind,
        outlet: r.outlet,
        title: r.title ?? null,
        createdBy,
      }),
    insert: (tx, data) => tx.mediaOutput.createMany({ data }),
    stored: (ids) => this.prisma.mediaOutput.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  });

  readonly raid = kind({
    name: 'raid',
    decide: (id, r: RequestOf<'raid'>, createdBy) => {
      // Each victim gets the id of the case intake will open, so the raid and the cases can be followed
      // together; taken from the raid's id, so a raid imported twice would open each case once.
      const victims = r.victims.map((victim, index) => ({ caseId: rowId('raid-victim', { data: { raid: id, index } }), ...victim }));
      return withRow(conductRaid({ raidId: id, conductedAt: r.conductedAt, placeType: r.placeType, partnerAgency: r.partnerAgency, personsScreened: r.personsScreened, victims }), {
        id,
        region: r.region,
        conductedAt: new Date(r.conductedAt),
        placeType: r.placeType,
        partnerAgency: r.partnerAgency,
        personsScreened: r.personsScreened,
        victims,
        createdBy,
      });
    },
    insert: (tx, data) => tx.raid.createMany({ data }),
    stored: (ids) => this.prisma.raid.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  });

  readonly volunteerSession = kind({
    name: 'volunteer-session',
    decide: (id, r: RequestOf<'volunteerSession'>, createdBy) =>
      withRow(holdVolunteerSession({ sessionId: id, heldAt: r.heldAt, volunteers: r.volunteers, hours: r.hours }), {
        id,
        region: r.region,
        heldAt: new Date(r.heldAt),
        volunteers: r.volunteers,
        hours: r.hours,
        activity: r.activity,
        createdBy,
      }),
    insert: (tx, data) => tx.volunteerSession.createMany({ data }),
    stored: (ids) => this.prisma.volunteerSession.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  });

  readonly coordinationMeeting = kind({
    name: 'coordination-meeting',
    decide: (id, r: RequestOf<'coordinationMeeting'>, createdBy) =>
      withRow(attendMeeting({ meetingId: id, heldAt: r.heldAt, body: r.body, topics: r.topics }), {
        id,
        region: r.region,
        heldAt: new Date(r.heldAt),
        body: r.body,
        topics: [...new Set(r.topics)],
        createdBy,
      }),
    insert: (tx, data) => tx.coordinationMeeting.createMany({ data }),
    stored: (ids) => this.prisma.coordinationMeeting.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  });

  readonly agreement = kind({
    name: 'agreement',
    decide: (id, r: RequestOf<'agreement'>, createdBy) =>
      withRow(signAgreement({ agreementId: id, signedAt: r.signedAt, partyType: r.partyType, scope: r.scope, expiresOn: r.expiresOn ?? null }), {
        id,
        region: r.region,
        signedAt: new Date(r.signedAt),
        partyType: r.partyType,
        partyName: r.partyName,
        scope: [...new Set(r.scope)],
        expiresOn: r.expiresOn ? new Date(r.expiresOn) : null,
        createdBy,
      }),
    insert: (tx, data) => tx.agreement.createMany({ data }),
    stored: (ids) => this.prisma.agreement.findMany({ where: { id: { in: ids } }, select: { id: true } }),
  });

  constructor(
    private readonly commands: Commands<OutreachTx>,
    private readonly prisma: OutreachPrisma,
    private readonly imports: Imports<OutreachTx>,
  ) {}

  /** Stores an activity the decider accepted and announces it, in one transaction: the answer is what was announced. */
  record<R extends { region: RegionCode }, Row extends { region: RegionCode }>(activity: ActivityKind<R, Row>, request: R, context: RequestContext, principal: Principal) {
    const decision = activity.decide(randomUUID(), request, principal.subject);
    if (!decision.ok) refused(decision.violations);
    const { event, row } = decision.value;
    return this.commands.record(context, async (tx) => {
      await activity.insert(tx, [row]);
      return { region: request.region, result: { region: request.region, ...event.payload }, events: [event] };
    });
  }

  /** Activities of past years from a spreadsheet, each row as `record` would take it (see `Imports`). */
  import<R extends { region: RegionCode }, Row extends { region: RegionCode }>(
    activity: ActivityKind<R, Row>,
    schema: z.ZodType<R>,
    request: ImportRequest,
    context: RequestContext,
    principal: Principal,
  ): Promise<ImportResult> {
    return this.imports.run(
      {
        name: activity.name,
        schema,
        regionOf: (r) => r.region,
        decide: (id, r) => activity.decide(id, r, principal.subject),
        stored: async (ids) => (await activity.stored([...ids])).map((row) => row.id),
        store: async (tx, rows) => {
          await activity.insert(
            tx,
            rows.map(({ decided }) => decided.row),
          );
          return rows.map(({ id, decided: { event, row } }) => ({ region: row.region, result: event.payload, events: [event], recordId: id }));
        },
      },
      request,
      context,
      principal,
    );
  }

  async readRaid(id: string, principal: Principal) {
    const row = found(await this.prisma.raid.findUnique({ where: { id } }), `no raid ${id}`, principal);
    return { ...row, conductedAt: row.conductedAt.toISOString() };
  }

  async month(query: ActivitiesQuery, principal: Principal) {
    const region = listedRegion(query.region, principal, 'activities');
    const month = query.month ?? kazakhstanMonth(new Date());
    const within = monthInstants(month);
    const [trainings, materials, media, raids, volunteerSessions, meetings, agreements] = await Promise.all([
      this.prisma.training.findMany({ where: { region, heldAt: within }, orderBy: { heldAt: 'asc' } }),
      this.prisma.materialDistribution.findMany({ where: { region, distributedAt: within }, orderBy: { distributedAt: 'asc' } }),
      this.prisma.mediaOutput.findMany({ where: { region, publishedAt: within }, orderBy: { publishedAt: 'asc' } }),
      this.prisma.raid.findMany({ where: { region, conductedAt: within }, orderBy: { conductedAt: 'asc' } }),
      this.prisma.volunteerSession.findMany({ where: { region, heldAt: within }, orderBy: { heldAt: 'asc' } }),
      this.prisma.coordinationMeeting.findMany({ where: { region, heldAt: within }, orderBy: { heldAt: 'asc' } }),
      this.prisma.agreement.findMany({ where: { region, signedAt: within }, orderBy: { signedAt: 'asc' } }),
    ]);
    return {
      region,
      month,
      trainings,
      materials,
      media,
      raids,
      volunteerSessions,
      coordinationMeetings: meetings,
      agreements: agreements.map((a) => ({ ...a, expiresOn: a.expiresOn?.toISOString().slice(0, 10) ?? null })),
    };
  }
}
