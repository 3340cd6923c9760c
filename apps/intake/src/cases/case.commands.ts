import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { assertNever, type NewEvent } from '@qorgau/contracts';
import { assertRegion, type AuditActor, type Principal } from '@qorgau/auth';
import type { TransactionalOutbox } from '@qorgau/messaging';
import type { RequestContext } from '@qorgau/platform';
import { audit, auditListed, binding, Commands, ErasePersonalData, OUTBOX, PersonalData, violationToHttp, type ErasableRecord } from '@qorgau/service-kit';
import { IntakePrisma, type IntakeTx } from '../database/intake-prisma.service';
import type { CaseListQuery, CloseCaseRequest, ConsentRequest, IdentifyVictimRequest, OpenCaseRequest, ReferCaseRequest } from './case.requests';
import { view } from './case.responses';
import { decide, evolve, type CaseCommand, type CaseEvent, type VictimCase } from './victim-case.decider';

const ERASABLE_CASE: ErasableRecord = {
  table: 'victim_case',
  label: 'case',
  recordType: 'VICTIM_CASE',
  operation: 'EraseSubject',
  // Legal and psychology hold notes about the same victim: they erase theirs when they hear of it.
  announce: (caseId, erasedAt) => ({ type: 'VictimDataErased', payload: { caseId, erasedAt: erasedAt.toISOString() } }),
};

/** Personal details that go with a command into intake's tables, never into its events. */
interface PersonalDetails {
  readonly subjectName?: string | null;
  readonly subjectPhone?: string | null;
  readonly notes?: string | null;
  readonly referralNote?: string | null;
}

/**
 * The case use cases: open, identify, refer, close. Each loads the case under a row lock, lets the
 * pure decider rule, then stores the change and its events in one transaction.
 */
@Injectable()
export class CaseCommands {
  constructor(
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<IntakeTx>,
    private readonly commands: Commands<IntakeTx>,
    private readonly prisma: IntakePrisma,
    private readonly personal: PersonalData,
    private readonly erasure: ErasePersonalData,
  ) {}

  async list(query: CaseListQuery, context: RequestContext, principal: Principal) {
    const rows = await this.prisma.victimCase.findMany({
      where: { region: query.region, ...(query.status ? { status: query.status } : {}), ...(query.exploitationForm ? { exploitationForm: query.exploitationForm } : {}) },
      orderBy: { openedAt: 'desc' },
      take: query.limit,
    });
    await auditListed(
      this.prisma,
      principal,
      context,
      'VICTIM_CASE',
      rows.map((row) => row.id),
      'ListCases',
    );
    return { cases: rows.map((row) => view(toVictimCase(row))) };
  }

  async read(id: string, context: RequestContext, principal: Principal) {
    const row = await this.commands.read(principal, context, { type: 'VICTIM_CASE', operation: 'ReadCase', missing: `no case ${id}` }, () =>
      this.prisma.victimCase.findUnique({ where: { id }, include: { referrals: { orderBy: { referredAt: 'asc' } } } }),
    );
    const key = await this.personal.keyOf(row.personKeyId);
    return {
      ...view(toVictimCase(row)),
      subjectName: this.personal.open(key, binding('victim_case', id, 'subject_name'), row.subjectName),
      subjectPhone: this.personal.open(key, binding('victim_case', id, 'subject_phone'), row.subjectPhone),
      notes: this.personal.open(key, binding('victim_case', id, 'notes'), row.notes),
      personalDataErased: row.personKeyId !== null && key === null,
      referrals: row.referrals.map((r) => ({ id: r.id, destination: r.destination, referredAt: r.referredAt.toISOString(), note: this.personal.open(key, binding('referral', r.id, 'note'), r.note) })),
    };
  }

  erase(id: string, context: RequestContext, principal: Principal) {
    return this.erasure.execute(ERASABLE_CASE, id, principal, context);
  }

  open(request: OpenCaseRequest, context: RequestContext, actor: Principal): Promise<VictimCase> {
    const command: CaseCommand = {
      kind: 'OpenCase',
      caseId: randomUUID(),
      region: request.region,
      openedAt: at(request.openedAt, context),
      subject: {
        sex: request.subjectSex,
        ageBand: request.subjectAgeBand,
        citizenship: request.citizenship,
        exploitationForm: request.exploitationForm,
        scope: request.scope,
      },
      identifiedBy: request.identifiedBy ?? null,
      consent: request.consent ?? null,
    };
    return this.handle(command.caseId, command, context, actor, {
      subjectName: request.subjectName ?? null,
      subjectPhone: request.subjectPhone ?? null,
      notes: request.notes ?? null,
    });
  }

  identify(caseId: string, request: IdentifyVictimRequest, context: RequestContext, actor: Principal): Promise<VictimCase> {
    return this.handle(caseId, { kind: 'IdentifyVictim', identifiedBy: request.identifiedBy, identifiedAt: at(request.identifiedAt, context) }, context, actor);
  }

  refer(caseId: string, request: ReferCaseRequest, context: RequestContext, actor: Principal): Promise<VictimCase> {
    const command: CaseCommand = { kind: 'ReferCase', referralId: randomUUID(), destination: request.destination, referredAt: at(request.referredAt, context) };
    return this.handle(caseId, command, context, actor, { referralNote: request.note ?? null });
  }

  close(caseId: string, request: CloseCaseRequest, context: RequestContext, actor: Principal): Promise<VictimCase> {
    return this.handle(caseId, { kind: 'CloseCase', reason: request.reason, closedAt: at(request.closedAt, context) }, context, actor);
  }

  recordConsent(caseId: string, request: ConsentRequest, context: RequestContext, actor: Principal): Promise<VictimCase> {
    const { recordedAt, ...consent } = request;
    return this.handle(caseId, { kind: 'RecordConsent', consent, recordedAt: at(recordedAt, context) }, context, actor);
  }

  private handle(caseId: string, command: CaseCommand, context: RequestContext, actor: Principal, personal: PersonalDetails = {}): Promise<VictimCase> {
    return this.outbox.run(async (tx) => {
      const { state, events } = await this.execute(tx, caseId, command, context, actor, personal);
      return { result: state, events };
    });
  }

  /**
   * Opens the case of a victim identified in a raid, inside the reaction's transaction. A case that
   * exists already (the raid was delivered twice) is left as it is.
   */
  async openFromRaid(tx: IntakeTx, command: Extract<CaseCommand, { kind: 'OpenCase' }>, context: RequestContext, actor: AuditActor): Promise<readonly NewEvent[]> {
    if (await tx.victimCase.findUnique({ where: { id: command.caseId }, select: { id: true } })) return [];
    return (await this.execute(tx, command.caseId, command, context, actor, {})).events;
  }

  /** Loads the case under a row lock, lets the pure decider rule, stores the change and audits it. */
  private async execute(tx: IntakeTx, caseId: string, command: CaseCommand, context: RequestContext, actor: AuditActor, personal: PersonalDetails) {
    const current = command.kind === 'OpenCase' ? null : await loadForUpdate(tx, caseId);
    const region = command.kind === 'OpenCase' ? command.region : current!.region;
    // An existing case's region is known only once it is loaded: check it here, before any rule.
    assertRegion(actor, region);
    const decision = decide(current, command, context.now);
    if (!decision.ok) throw violationToHttp(decision.violations);
    let state = current;
    for (const event of decision.value) {
      state = evolve(state, event, region);
      await this.store(tx, state, event, personal);
    }
    await audit(tx, actor, context, command.kind === 'OpenCase' ? 'CREATE' : 'UPDATE', { type: 'VICTIM_CASE', id: state!.id }, command.kind);
    const events: NewEvent[] = decision.value.map((event) => ({ event, region, producer: 'intake', occurredAt: occurredAt(event), correlationId: context.correlationId }));
    return { state: state!, events };
  }

  /** Writes what an event changed; personal details are sealed with the case's person key. */
  private async store(tx: IntakeTx, state: VictimCase, event: CaseEvent, personal: PersonalDetails): Promise<void> {
    switch (event.type) {
      case 'CaseOpened': {
        const hasPersonal = personal.subjectName || personal.subjectPhone || personal.notes;
        const person = hasPersonal ? await this.personal.newPerson() : null;
        const seal = (field: string, value: string | null | undefined) => (person ? this.personal.seal(person.key, binding('victim_case', state.id, field), value) : null);
        await tx.victimCase.create({
          data: {
            id: state.id,
            region: state.region,
            status: state.status,
            openedAt: state.openedAt,
            subjectSex: state.subject.sex,
            subjectAgeBand: state.subject.ageBand,
            citizenship: state.subject.citizenship,
            exploitationForm: state.subject.exploitationForm,
            scope: state.subject.scope,
            personKeyId: person?.id ?? null,
            subjectName: seal('subject_name', personal.subjectName),
            subjectPhone: seal('subject_phone', personal.subjectPhone),
            notes: seal('notes', personal.notes),
          },
        });
        return;
      }
      case 'VictimIdentified':
        await tx.victimCase.update({ where: { id: state.id }, data: { identifiedBy: state.identifiedBy, identifiedAt: state.identifiedAt } });
        return;
      case 'CaseReferred': {
        const referralId = event.payload.referralId;
        const note = personal.referralNote ? this.personal.seal(await this.caseKey(tx, state.id), binding('referral', referralId, 'note'), personal.referralNote) : null;
        await tx.referral.create({
          data: { id: referralId, caseId: state.id, destination: event.payload.destination, referredAt: new Date(event.payload.referredAt), note },
        });
        return;
      }
      case 'CaseClosed':
        await tx.victimCase.update({ where: { id: state.id }, data: { status: state.status, closedAt: state.closedAt, closureReason: state.closureReason } });
        return;
      case 'ConsentRecorded':
        await tx.victimCase.update({
          where: { id: state.id },
          data: {
            consentServices: state.consent.services,
            consentExternalReferral: state.consent.externalReferral,
            consentReporting: state.consent.reporting,
            consentRecordedAt: new Date(event.payload.recordedAt),
          },
        });
        return;
      default:
        assertNever(event);
    }
  }

  /** The case's person key, created when its first personal detail arrives; refused once erased. */
  private async caseKey(tx: IntakeTx, caseId: string): Promise<Buffer> {
    const row = await tx.victimCase.findUniqueOrThrow({ where: { id: caseId }, select: { personKeyId: true } });
    return this.personal.keyForRecord(tx, 'victim_case', caseId, row.personKeyId);
  }
}

const at = (value: string | undefined, context: RequestContext): Date => (value ? new Date(value) : context.now);

async function loadForUpdate(tx: IntakeTx, caseId: string): Promise<VictimCase> {
  // The row lock serialises concurrent commands on one case, so rules see its latest state.
  await tx.$executeRaw`SELECT 1 FROM victim_case WHERE id = ${caseId}::uuid FOR UPDATE`;
  const row = await tx.victimCase.findUnique({ where: { id: caseId } });
  if (!row) throw new NotFoundException({ statusCode: 404, message: `no case ${caseId}` });
  return toVictimCase(row);
}

export function toVictimCase(row: {
  id: string;
  region: string;
  status: string;
  openedAt: Date;
  subjectSex: string;
  subjectAgeBand: string;
  citizenship: string;
  exploitationForm: string;
  scope: string;
  identifiedBy: string | null;
  identifiedAt: Date | null;
  closedAt: Date | null;
  closureReason: string | null;
  consentServices: boolean;
  consentExternalReferral: boolean;
  consentReporting: boolean;
}): VictimCase {
  // Rows are only ever written from validated commands, so their strings are the contract's values.
  return {
    id: row.id,
    region: row.region as VictimCase['region'],
    status: row.status as VictimCase['status'],
    openedAt: row.openedAt,
    subject: {
      sex: row.subjectSex as VictimCase['subject']['sex'],
      ageBand: row.subjectAgeBand as VictimCase['subject']['ageBand'],
      citizenship: row.citizenship,
      exploitationForm: row.exploitationForm as VictimCase['subject']['exploitationForm'],
      scope: row.scope as VictimCase['subject']['scope'],
    },
    identifiedBy: row.identifiedBy as VictimCase['identifiedBy'],
    identifiedAt: row.identifiedAt,
    closedAt: row.closedAt,
    closureReason: row.closureReason as VictimCase['closureReason'],
    consent: { services: row.consentServices, externalReferral: row.consentExternalReferral, reporting: row.consentReporting },
  };
}

function occurredAt(event: CaseEvent): string {
  switch (event.type) {
    case 'CaseOpened':
      return event.payload.openedAt;
    case 'VictimIdentified':
      return event.payload.identifiedAt;
    case 'CaseReferred':
      return event.payload.referredAt;
    case 'CaseClosed':
      return event.payload.closedAt;
    case 'ConsentRecorded':
      return event.payload.recordedAt;
    default:
      return assertNever(event);
  }
}
