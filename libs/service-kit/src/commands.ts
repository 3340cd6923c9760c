import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { assertRegion, type AuditAction, type AuditActor } from '@qorgau/auth';
import { type DomainEvent, type RegionCode, RegionCodeSchema } from '@qorgau/contracts';
import type { RuleViolation } from '@qorgau/domain';
import type { SqlClient, TransactionalOutbox } from '@qorgau/messaging';
import { badRequest, type RequestContext } from '@qorgau/platform';
import { announce } from './announce';
import { audit, auditListed, auditMany } from './audit-trail';
import { keepAnswer } from './idempotency';
import { violationToHttp } from './rule-violation.http';
import { OUTBOX, SERVICE_DB, SERVICE_NAME } from './tokens';

/** The record a command is about, as the audit trail names it. */
export interface AuditedRecord {
  /** VICTIM_CASE, LEGAL_CONSULTATION, … */
  readonly type: string;
  /** Its id; or leave it to the work, which knows it once the record is loaded (CommandOutcome.recordId). */
  readonly id?: string;
  /** The use case: OpenCase, GiveConsultation, ReadConsultation, … */
  readonly operation: string;
}

/** What a command's work did: the region it happened in, its answer and the events it causes. */
export interface CommandOutcome<T> {
  readonly region: RegionCode;
  readonly recordId?: string;
  readonly result: T;
  readonly events?: readonly DomainEvent[];
  /** When the facts happened, if not now: a call received an hour before it was logged. */
  readonly occurredAt?: Date;
}

/**
 * Every use case's transaction, in one place: load → decide → store → audit → announce. The work
 * stores its rows; the audit entry and the events (with the service as producer, the request's
 * correlation id) commit with them, or nothing does. Feature `<feature>.commands.ts` classes call
 * this instead of each writing the transaction out again.
 */
@Injectable()
export class Commands<Tx extends SqlClient = SqlClient> {
  constructor(
    @Inject(OUTBOX) private readonly outbox: TransactionalOutbox<Tx>,
    @Inject(SERVICE_DB) private readonly db: SqlClient,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  /** Runs `work` in one transaction, announces its events and audits it as `action` on `record`. */
  run<T>(actor: AuditActor, context: RequestContext, action: AuditAction, record: AuditedRecord, work: (tx: Tx) => Promise<CommandOutcome<T>>): Promise<T> {
    return this.outbox.run(async (tx) => {
      const outcome = await work(tx);
      const id = outcome.recordId ?? record.id;
      if (!id) throw new Error(`${record.operation}: no record id to audit`);
      await keepAnswer(tx, context, outcome.result);
      // Audited last: the entry takes the trail's chain lock, held to the commit (see UnitOfWorkOutcome.last).
      return { result: outcome.result, events: this.announce(outcome, context), last: (last) => audit(last, actor, context, action, { type: record.type, id }, record.operation) };
    });
  }

  /**
   * Many records of one use case in one transaction (a chunk of an import): stored together by
   * `work`, each announced as `run` would (and audited, unless `audited` is null: records that name
   * nobody), all of them or none.
   */
  runBatch<I, T>(
    context: RequestContext,
    audited: { readonly actor: AuditActor; readonly action: AuditAction; readonly type: string; readonly operation: string } | null,
    items: readonly I[],
    work: (tx: Tx, items: readonly I[]) => Promise<(CommandOutcome<T> & { readonly recordId: string })[]>,
  ): Promise<T[]> {
    return this.outbox.run(async (tx) => {
      const outcomes = await work(tx, items);
      const results = outcomes.map((outcome) => outcome.result);
      await keepAnswer(tx, context, results);
      const recordIds = outcomes.map((outcome) => outcome.recordId);
      return {
        result: results,
        events: outcomes.flatMap((outcome) => this.announce(outcome, context)),
        last: audited ? (last: Tx) => auditMany(last, audited.actor, context, audited.action, audited.type, recordIds, audited.operation) : undefined,
      };
    });
  }

  /**
   * For records that hold nothing about a person (outreach's trainings, materials…): stored and
   * announced in one transaction, with no audit entry.
   */
  record<T>(context: RequestContext, work: (tx: Tx) => Promise<CommandOutcome<T>>): Promise<T> {
    return this.outbox.run(async (tx) => {
      const outcome = await work(tx);
      await keepAnswer(tx, context, outcome.result);
      return { result: outcome.result, events: this.announce(outcome, context) };
    });
  }

  private announce(outcome: CommandOutcome<unknown>, context: RequestContext) {
    return announce(this.service, outcome.region, { correlationId: context.correlationId, now: outcome.occurredAt ?? context.now }, ...(outcome.events ?? []));
  }

  /**
   * A region's list for a person: the region asked for (or their own; HQ must name one, 400), loaded
   * by `load`, and every row's read audited under its own id before anything is returned.
   */
  async list<Row extends { readonly id: string }>(
    actor: AuditActor,
    context: RequestContext,
    record: { readonly type: string; readonly operation: string; readonly what: string },
    asked: RegionCode | undefined,
    load: (region: RegionCode) => Promise<Row[]>,
  ): Promise<Row[]> {
    const rows = await load(listedRegion(asked, actor, record.what));
    await auditListed(
      this.db,
      actor,
      context,
      record.type,
      rows.map((row) => row.id),
      record.operation,
    );
    return rows;
  }

  /**
   * Reads one record for a person: 404 (saying `missing`) when there is none, 403 outside their
   * region, and the read audited under the record's own id before anything is returned.
   */
  async read<Row extends { readonly id: string; readonly region: string }>(
    actor: AuditActor,
    context: RequestContext,
    record: { readonly type: string; readonly operation: string; readonly missing: string },
    load: () => Promise<Row | null>,
  ): Promise<Row> {
    const row = found(await load(), record.missing, actor);
    await audit(this.db, actor, context, 'READ', { type: record.type, id: row.id }, record.operation);
    return row;
  }
}

/** A decider's refusal, as the API answers it (400 naming the field, or 409 naming the rule). */
export function refused(violations: readonly RuleViolation[]): never {
  throw violationToHttp(violations);
}

/** Holds a record's row until the command's transaction ends, so two changes to it take turns. */
export async function lockRow(tx: SqlClient, table: string, id: string): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT 1 FROM ${table} WHERE id = $1::uuid FOR UPDATE`, id);
}

/** The record must exist (404, saying `missing`) and be in the person's region (403). */
export function found<Row extends { readonly region: string }>(row: Row | null, missing: string, actor: AuditActor): Row {
  if (!row) throw new NotFoundException({ statusCode: 404, message: missing });
  assertRegion(actor, RegionCodeSchema.parse(row.region));
  return row;
}

/** The region a list is of: the one asked for, else the person's own; HQ must name one (400). */
export function listedRegion(asked: RegionCode | undefined, actor: AuditActor, what: string): RegionCode {
  const region = asked ?? actor.region;
  if (!region) throw badRequest([{ field: 'region', message: `name the region whose ${what} to list` }]);
  return region;
}
