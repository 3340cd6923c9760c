import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import { kazakhstanMonth, monthInstants, type DomainEvent, type RegionCode } from '@qorgau/contracts';
import type { RequestContext } from '@qorgau/platform';
import type { Decision } from '@qorgau/domain';
import { Commands, found, listedRegion, refused } from '@qorgau/service-kit';
import { OutreachPrisma, type OutreachTx } from '../database/outreach-prisma';
import { attendMeeting, conductRaid, distributeMaterials, holdTraining, holdVolunteerSession, publishMedia, signAgreement } from './activity.decider';
import type { ActivitiesQuery, RequestOf } from './activity.requests';

/**
 * The office's outreach: trainings, materials, media, raids and the volunteer club. Nothing here
 * names a person, so records are stored and announced without an audit entry.
 */
@Injectable()
export class ActivityCommands {
  constructor(
    private readonly commands: Commands<OutreachTx>,
    private readonly prisma: OutreachPrisma,
  ) {}

  recordTraining(r: RequestOf<'training'>, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const decision = holdTraining({ trainingId: id, heldAt: r.heldAt, siteType: r.siteType, audience: r.audience, participants: r.participants, hours: r.hours, partner: r.partner });
    return this.record(r.region, context, decision, (tx) =>
      tx.training.create({
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
      }),
    );
  }

  recordMaterials(r: RequestOf<'materials'>, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const decision = distributeMaterials({ distributionId: id, distributedAt: r.distributedAt, kind: r.kind, quantity: r.quantity });
    return this.record(r.region, context, decision, (tx) =>
      tx.materialDistribution.create({
        data: { id, region: r.region, distributedAt: new Date(r.distributedAt), kind: r.kind, title: r.title, quantity: r.quantity, createdBy: principal.subject },
      }),
    );
  }

  recordMedia(r: RequestOf<'media'>, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const decision = publishMedia({ mediaId: id, publishedAt: r.publishedAt, kind: r.kind });
    return this.record(r.region, context, decision, (tx) =>
      tx.mediaOutput.create({ data: { id, region: r.region, publishedAt: new Date(r.publishedAt), kind: r.kind, outlet: r.outlet, title: r.title ?? null, createdBy: principal.subject } }),
    );
  }

  recordRaid(r: RequestOf<'raid'>, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    // Each victim gets the id of the case intake will open, so the raid and the cases can be followed together.
    const victims = r.victims.map((victim) => ({ caseId: randomUUID(), ...victim }));
    const decision = conductRaid({ raidId: id, conductedAt: r.conductedAt, placeType: r.placeType, partnerAgency: r.partnerAgency, personsScreened: r.personsScreened, victims });
    return this.record(r.region, context, decision, (tx) =>
      tx.raid.create({
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
      }),
    );
  }

  recordVolunteerSession(r: RequestOf<'volunteerSession'>, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const decision = holdVolunteerSession({ sessionId: id, heldAt: r.heldAt, volunteers: r.volunteers, hours: r.hours });
    return this.record(r.region, context, decision, (tx) =>
      tx.volunteerSession.create({ data: { id, region: r.region, heldAt: new Date(r.heldAt), volunteers: r.volunteers, hours: r.hours, activity: r.activity, createdBy: principal.subject } }),
    );
  }

  recordCoordinationMeeting(r: RequestOf<'coordinationMeeting'>, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const decision = attendMeeting({ meetingId: id, heldAt: r.heldAt, body: r.body, topics: r.topics });
    return this.record(r.region, context, decision, (tx) =>
      tx.coordinationMeeting.create({ data: { id, region: r.region, heldAt: new Date(r.heldAt), body: r.body, topics: [...new Set(r.topics)], createdBy: principal.subject } }),
    );
  }

  recordAgreement(r: RequestOf<'agreement'>, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const decision = signAgreement({ agreementId: id, signedAt: r.signedAt, partyType: r.partyType, scope: r.scope, expiresOn: r.expiresOn ?? null });
    return this.record(r.region, context, decision, (tx) =>
      tx.agreement.create({
        data: {
          id,
          region: r.region,
          signedAt: new Date(r.signedAt),
          partyType: r.partyType,
          partyName: r.partyName,
          scope: [...new Set(r.scope)],
          expiresOn: r.expiresOn ? new Date(r.expiresOn) : null,
          createdBy: principal.subject,
        },
      }),
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

  /** Stores an activity the decider accepted and announces it, in one transaction: the answer is what was announced. */
  private record<E extends DomainEvent>(region: RegionCode, context: RequestContext, decision: Decision<readonly [E]>, store: (tx: OutreachTx) => Promise<unknown>) {
    if (!decision.ok) refused(decision.violations);
    const [event] = decision.value;
    return this.commands.record(context, async (tx) => {
      await store(tx);
      return { region, result: { region, ...event.payload }, events: [event] };
    });
  }
}
