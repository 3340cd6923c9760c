import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import { BasicAssistanceKindSchema, RegionCodeSchema, ShelterExitSchema, ShelterTherapyKindSchema } from '@qorgau/contracts';
import type { RequestContext } from '@qorgau/platform';
import { binding, Commands, found, lockRow, PersonalData, refused } from '@qorgau/service-kit';
import { SocialPrisma, type SocialTx } from '../database/social-prisma';
import { ShelterStaff } from '../shelters/shelter-staff';
import { decide, type ShelterBeds, type Stay, type StayCommand, type StayEvent } from './stay.decider';
import type { AdmissionRequest, AssistanceRequest, ContactRequest, DischargeRequest, StayListQuery, TherapySessionRequest } from './stay.requests';

const RECORD = 'SHELTER_STAY';
/** The stays of a case are addressed by the case: its latest stay (the earlier ones have ended). */
const LATEST = { openedAt: 'desc' } as const;
const notReferred = (caseId: string) => `case ${caseId} has not been referred to a shelter (refer it in intake first)`;
const FOLLOW_UP_EVERY_MS = 30 * 86_400_000;

type StayRow = NonNullable<Awaited<ReturnType<SocialTx['stay']['findUnique']>>>;

const statusOf = (row: Pick<StayRow, 'admittedAt' | 'dischargedAt'>) => (row.dischargedAt ? 'DISCHARGED' : row.admittedAt ? 'RESIDENT' : 'REQUESTED');
const stayOf = (row: StayRow): Stay => ({
  stayId: row.id,
  caseId: row.caseId,
  region: RegionCodeSchema.parse(row.region),
  openedAt: row.openedAt,
  shelterId: row.shelterId,
  admittedAt: row.admittedAt,
  dischargedAt: row.dischargedAt,
  aftercareUntil: row.aftercareUntil,
});

/** A victim's stay: admission to a bed, assistance, exit and aftercare. Steps are announced; notes and medical details stay sealed here. */
@Injectable()
export class StayCommands {
  constructor(
    private readonly commands: Commands<SocialTx>,
    private readonly prisma: SocialPrisma,
    private readonly personal: PersonalData,
    private readonly staff: ShelterStaff,
  ) {}

  admit(caseId: string, request: AdmissionRequest, context: RequestContext, principal: Principal) {
    const at = new Date(request.admittedAt ?? context.now.toISOString());
    return this.step(caseId, 'Admit', context, principal, request.shelterId, async (tx, stay) => {
      // The shelter's row is locked too: two social workers cannot both take its last bed.
      await lockRow(tx, 'shelter', request.shelterId);
      const region = await tx.shelter.findMany({
        where: { region: stay.region },
        include: { _count: { select: { stays: { where: { admittedAt: { not: null }, dischargedAt: null } } } } },
      });
      const beds = (row: (typeof region)[number]): ShelterBeds => ({
        shelterId: row.id,
        name: row.name,
        region: RegionCodeSchema.parse(row.region),
        capacity: row.capacity,
        residents: row._count.stays,
      });
      const chosen =
        region.find((row) => row.id === request.shelterId) ??
        (await tx.shelter.findUnique({ where: { id: request.shelterId }, include: { _count: { select: { stays: { where: { admittedAt: { not: null }, dischargedAt: null } } } } } }));
      if (!chosen) return refused([{ rule: 'known-shelter', field: 'shelterId', message: 'no such shelter' }]);
      const command: StayCommand = { kind: 'Admit', shelter: beds(chosen), others: region.map(beds), at };
      return { command, store: () => tx.stay.update({ where: { id: stay.stayId }, data: { shelterId: chosen.id, admittedAt: at } }) };
    });
  }

  discharge(caseId: string, request: DischargeRequest, context: RequestContext, principal: Principal) {
    const at = new Date(request.dischargedAt ?? context.now.toISOString());
    return this.step(caseId, 'Discharge', context, principal, undefined, async (tx, stay, row) => {
      const command: StayCommand = { kind: 'Discharge', at, exit: request.exit, country: request.country ?? null, resettledIn: request.resettledIn ?? null };
      return {
        command,
        store: async () => {
          const notes = request.notes ? this.personal.seal(await this.stayKey(tx, row), binding('stay', row.id, 'notes'), request.notes) : undefined;
          await tx.stay.update({
            where: { id: stay.stayId },
            data: {
              dischargedAt: at,
              exit: request.exit,
              exitCountry: request.country ?? null,
              resettledIn: request.resettledIn ?? null,
              aftercareUntil: request.aftercareUntil ? new Date(request.aftercareUntil) : null,
              ...(notes !== undefined ? { notes } : {}),
            },
          });
        },
      };
    });
  }

  giveAssistance(caseId: string, request: AssistanceRequest, context: RequestContext, principal: Principal) {
    const at = new Date(request.givenAt ?? context.now.toISOString());
    const id = randomUUID();
    return this.step(caseId, 'GiveAssistance', context, principal, undefined, async (tx, _stay, row) => ({
      command: { kind: 'GiveAssistance', assistanceId: id, at, assistance: request.kind },
      store: async (event) => {
        const duringStay = event.type === 'BasicAssistanceGiven' && event.payload.duringStay;
        const details = request.details ? this.personal.seal(await this.stayKey(tx, row), binding('basic_assistance', id, 'details'), request.details) : null;
        await tx.basicAssistance.create({ data: { id, stayId: row.id, kind: request.kind, givenAt: at, duringStay, details, createdBy: principal.subject } });
      },
    }));
  }

  followUp(caseId: string, request: ContactRequest, context: RequestContext, principal: Principal) {
    const at = new Date(request.contactedAt ?? context.now.toISOString());
    const id = randomUUID();
    return this.step(caseId, 'FollowUp', context, principal, undefined, async (tx, _stay, row) => ({
      command: { kind: 'FollowUp', contactId: id, at },
      store: async () => {
        const note = request.note ? this.personal.seal(await this.stayKey(tx, row), binding('aftercare_contact', id, 'note'), request.note) : null;
        await tx.aftercareContact.create({ data: { id, stayId: row.id, contactedAt: at, note, createdBy: principal.subject } });
      },
    }));
  }

  holdTherapySession(caseId: string, request: TherapySessionRequest, context: RequestContext, principal: Principal) {
    const at = new Date(request.heldAt ?? context.now.toISOString());
    const id = randomUUID();
    return this.step(caseId, 'HoldTherapySession', context, principal, undefined, async (tx, stay) => {
      const plan = await tx.rehabilitationPlan.findUnique({ where: { caseId: stay.caseId } });
      const command: StayCommand = { kind: 'HoldTherapySession', sessionId: id, at, therapy: request.therapy, plan };
      return {
        command,
        store: (event) =>
          tx.therapySession.create({
            data: { id, stayId: stay.stayId, kind: request.therapy, heldAt: at, planId: event.type === 'ShelterTherapySessionHeld' ? event.payload.planId : null, createdBy: principal.subject },
          }),
      };
    });
  }

  /** The region's stays: the admission queue, the residents and those who left, with aftercare follow-ups due (audited). */
  async list(query: StayListQuery, context: RequestContext, principal: Principal, now: Date = context.now) {
    const status =
      query.status === 'REQUESTED'
        ? { admittedAt: null }
        : query.status === 'RESIDENT'
          ? { admittedAt: { not: null }, dischargedAt: null }
          : query.status === 'DISCHARGED'
            ? { dischargedAt: { not: null } }
            : {};
    const hold = await this.staff.holdOf(principal);
    // Shelter staff: the queue, from which they admit, and their own shelter's stays.
    const held = hold.heldTo === 'shelter' ? { OR: [{ shelterId: null }, { shelterId: hold.shelterId }] } : {};
    const rows = await this.commands.list(principal, context, { type: RECORD, operation: 'ListStays', what: 'stays' }, query.region, (region) =>
      hold.heldTo === 'unassigned'
        ? Promise.resolve([])
        : this.prisma.stay.findMany({
            where: { region, ...status, ...held },
            orderBy: { openedAt: 'desc' },
            take: query.limit,
            include: { shelter: { select: { name: true } }, contacts: { select: { contactedAt: true }, orderBy: { contactedAt: 'desc' }, take: 1 } },
          }),
    );
    // A former resident back in a shelter is looked after in the new stay: the old one's aftercare has ended.
    const latest = await this.prisma.stay.groupBy({ by: ['caseId'], where: { caseId: { in: rows.map((row) => row.caseId) } }, _max: { openedAt: true } });
    const latestOf = new Map(latest.map((group) => [group.caseId, group._max.openedAt?.getTime()]));
    return {
      stays: rows.map((row) => {
        const lastContactAt = row.contacts[0]?.contactedAt ?? null;
        const superseded = (latestOf.get(row.caseId) ?? 0) > row.openedAt.getTime();
        const aftercareRuns = !superseded && Boolean(row.dischargedAt && row.aftercareUntil && row.aftercareUntil.getTime() + 86_400_000 >= now.getTime());
        const since = lastContactAt ?? row.dischargedAt;
        return {
          caseId: row.caseId,
          stayId: row.id,
          region: RegionCodeSchema.parse(row.region),
          status: statusOf(row),
          requestedAt: row.openedAt.toISOString(),
          shelterId: row.shelterId,
          shelterName: row.shelter?.name ?? null,
          admittedAt: row.admittedAt?.toISOString() ?? null,
          dischargedAt: row.dischargedAt?.toISOString() ?? null,
          exit: row.exit === null ? null : ShelterExitSchema.parse(row.exit),
          aftercareUntil: row.aftercareUntil?.toISOString().slice(0, 10) ?? null,
          lastContactAt: lastContactAt?.toISOString() ?? null,
          followUpOverdue: aftercareRuns && since !== null && now.getTime() - since.getTime() > FOLLOW_UP_EVERY_MS,
        };
      }),
    };
  }

  async read(caseId: string, context: RequestContext, principal: Principal) {
    const hold = await this.staff.holdOf(principal);
    const row = await this.commands.read(principal, context, { type: RECORD, operation: 'ReadStay', missing: notReferred(caseId) }, async () => {
      const stay = await this.prisma.stay.findFirst({ where: { caseId }, orderBy: LATEST, include: { shelter: { select: { name: true } } } });
      if (stay) this.staff.assertMayWorkOn(hold, principal, stay);
      return stay;
    });
    const [assistance, contacts, sessions, plan, key] = await Promise.all([
      this.prisma.basicAssistance.findMany({ where: { stayId: row.id }, orderBy: { givenAt: 'asc' } }),
      this.prisma.aftercareContact.findMany({ where: { stayId: row.id }, orderBy: { contactedAt: 'asc' } }),
      this.prisma.therapySession.findMany({ where: { stayId: row.id }, orderBy: { heldAt: 'asc' } }),
      this.prisma.rehabilitationPlan.findUnique({ where: { caseId } }),
      this.personal.keyOf(row.personKeyId),
    ]);
    return {
      stayId: row.id,
      caseId,
      region: RegionCodeSchema.parse(row.region),
      status: statusOf(row),
      requestedAt: row.openedAt.toISOString(),
      shelterId: row.shelterId,
      shelterName: row.shelter?.name ?? null,
      admittedAt: row.admittedAt?.toISOString() ?? null,
      dischargedAt: row.dischargedAt?.toISOString() ?? null,
      exit: row.exit === null ? null : ShelterExitSchema.parse(row.exit),
      country: row.exitCountry,
      resettledIn: row.resettledIn === null ? null : RegionCodeSchema.parse(row.resettledIn),
      aftercareUntil: row.aftercareUntil?.toISOString().slice(0, 10) ?? null,
      notes: this.personal.open(key, binding('stay', row.id, 'notes'), row.notes),
      personalDataErased: row.personKeyId !== null && key === null,
      assistance: assistance.map((a) => ({
        id: a.id,
        kind: BasicAssistanceKindSchema.parse(a.kind),
        givenAt: a.givenAt.toISOString(),
        duringStay: a.duringStay,
        details: this.personal.open(key, binding('basic_assistance', a.id, 'details'), a.details),
      })),
      contacts: contacts.map((c) => ({ id: c.id, contactedAt: c.contactedAt.toISOString(), note: this.personal.open(key, binding('aftercare_contact', c.id, 'note'), c.note) })),
      therapySessions: sessions.map((s) => ({ id: s.id, kind: ShelterTherapyKindSchema.parse(s.kind), heldAt: s.heldAt.toISOString(), planId: s.planId })),
      rehabilitationPlan: plan ? { planId: plan.planId, openedAt: plan.openedAt.toISOString(), endedAt: plan.endedAt?.toISOString() ?? null } : null,
    };
  }

  /**
   * One step of a stay: loaded under a row lock, ruled by the pure decider, stored, audited and
   * announced together. `prepare` reads what the rule needs and says how to store the step.
   */
  private step(
    caseId: string,
    operation: StayCommand['kind'],
    context: RequestContext,
    principal: Principal,
    admitTo: string | undefined,
    prepare: (tx: SocialTx, stay: Stay, row: StayRow) => Promise<{ command: StayCommand; store: (event: StayEvent) => Promise<unknown> }>,
  ) {
    return this.commands.run(principal, context, 'UPDATE', { type: RECORD, operation }, async (tx) => {
      const referred = found(await tx.stay.findFirst({ where: { caseId }, orderBy: LATEST, select: { id: true, region: true } }), notReferred(caseId), principal);
      await lockRow(tx, 'stay', referred.id);
      const row = await tx.stay.findUniqueOrThrow({ where: { id: referred.id } });
      this.staff.assertMayWorkOn(await this.staff.holdOf(principal, tx), principal, row, admitTo);
      const stay = stayOf(row);
      const { command, store } = await prepare(tx, stay, row);
      const decision = decide(stay, command);
      if (!decision.ok) refused(decision.violations);
      // Every step decides exactly one event; what it stores may depend on it (assistance during the stay, the plan a session joins).
      await store(decision.value[0]!);
      return { region: stay.region, recordId: row.id, result: { stayId: row.id, caseId, step: command.kind, at: command.at.toISOString() }, events: decision.value };
    });
  }

  /** The stay's person key, made when its first personal detail arrives; refused once erased. */
  private stayKey(tx: SocialTx, row: StayRow): Promise<Buffer> {
    return this.personal.keyForRecord(tx, 'stay', row.id, row.personKeyId);
  }
}
