import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Principal } from '@qorgau/auth';
import type { DomainEvent, RegionCode } from '@qorgau/contracts';
import type { Decision } from '@qorgau/domain';
import type { SqlClient } from '@qorgau/messaging';
import type { RequestContext } from '@qorgau/platform';
import { Commands, refused } from './commands';
import { ErasePersonalData, type ErasableRecord } from './erasure';
import { Imports, type ImportRequest, type ImportResult } from './imports';
import { PersonalData, type ClientIdentity } from './personal-data';
import { SERVICE_DB } from './tokens';

/** What a consultation request carries besides its categories: where, when, and the client's identity and notes. */
export type ConsultationRequestOf<Categories> = Categories & ClientIdentity & { readonly region: RegionCode; readonly givenAt?: string | undefined };

/** A consultation's row: its categories, and the client's sealed identity and notes. */
export interface ConsultationRow {
  readonly id: string;
  readonly region: string;
  readonly givenAt: Date;
  readonly personKeyId: string | null;
  readonly clientName: string | null;
  readonly clientContact: string | null;
  readonly notes: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

/** One profession's consultations (legal, psychology): its table, its rule and its rows. */
export interface ConsultationKind<Tx extends SqlClient, Categories extends object, Row extends ConsultationRow> {
  readonly record: ErasableRecord;
  /** The feature's decider: what is announced, or why the consultation is refused. */
  decide(command: { consultation: Categories & { consultationId: string; givenAt: string }; identityGiven: { clientName: boolean; clientContact: boolean } }): Decision<readonly DomainEvent[]>;
  /** Stores rows (one given, or a chunk imported) in one statement. */
  insert(tx: Tx, rows: (Categories & ClientIdentity & { id: string; region: RegionCode; givenAt: Date; personKeyId: string | null; createdBy: string })[]): Promise<unknown>;
  find(id: string): Promise<Row | null>;
}

interface GivenConsultation<Categories> {
  readonly id: string;
  readonly region: RegionCode;
  readonly givenAt: string;
  readonly categories: Categories;
  readonly client: ClientIdentity;
  readonly events: readonly DomainEvent[];
}

/** The profession's decider on a request: what is announced, or why not. */
function decideConsultation<Categories extends object>(
  kind: ConsultationKind<SqlClient, Categories, ConsultationRow>,
  id: string,
  request: ConsultationRequestOf<Categories>,
  now: Date,
): Decision<GivenConsultation<Categories>> {
  const { region, givenAt = now.toISOString(), clientName, clientContact, notes, ...rest } = request;
  const categories = rest as unknown as Categories;
  const decision = kind.decide({ consultation: { consultationId: id, givenAt, ...categories }, identityGiven: { clientName: Boolean(clientName), clientContact: Boolean(clientContact) } });
  if (!decision.ok) return decision;
  return { ok: true, value: { id, region, givenAt, categories, client: { clientName, clientContact, notes }, events: decision.value } };
}

/**
 * A consultation given to a client, the same way in every profession: the categories are decided
 * and announced, the client's name, contact and notes sealed in the service (crypto-shredded on
 * erasure), reads audited. Each profession brings its decider and its table (`ConsultationKind`).
 */
@Injectable()
export class ClientConsultations<Tx extends SqlClient = SqlClient> {
  constructor(
    private readonly commands: Commands<Tx>,
    private readonly personal: PersonalData,
    private readonly erasure: ErasePersonalData,
    private readonly imports: Imports<Tx>,
    @Inject(SERVICE_DB) private readonly db: SqlClient,
  ) {}

  give<Categories extends object, Row extends ConsultationRow>(kind: ConsultationKind<Tx, Categories, Row>, request: ConsultationRequestOf<Categories>, context: RequestContext, principal: Principal) {
    const decision = decideConsultation(kind, randomUUID(), request, context.now);
    if (!decision.ok) refused(decision.violations);
    const given = decision.value;
    return this.commands.run(principal, context, 'CREATE', { type: kind.record.recordType, id: given.id, operation: 'GiveConsultation' }, async (tx) => {
      await kind.insert(tx, [await this.row(kind, given, principal)]);
      return this.outcome(given);
    });
  }

  /** Consultations of past years from a spreadsheet, each row as `give` would take it (see `Imports`). */
  import<Categories extends object, Row extends ConsultationRow>(
    kind: ConsultationKind<Tx, Categories, Row>,
    schema: z.ZodType<ConsultationRequestOf<Categories>>,
    request: ImportRequest,
    context: RequestContext,
    principal: Principal,
  ): Promise<ImportResult> {
    return this.imports.run(
      {
        name: kind.record.table,
        schema,
        regionOf: (consultation) => consultation.region,
        decide: (id, consultation, now) => decideConsultation(kind, id, consultation, now),
        stored: async (ids) => (await this.db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM ${kind.record.table} WHERE id = ANY($1::uuid[])`, [...ids])).map((row) => row.id),
        store: async (tx, rows) => {
          await kind.insert(tx, await Promise.all(rows.map(({ decided }) => this.row(kind, decided, principal))));
          return rows.map(({ decided }) => ({ ...this.outcome(decided), recordId: decided.id }));
        },
        audit: { type: kind.record.recordType, operation: 'ImportConsultation' },
      },
      request,
      context,
      principal,
    );
  }

  /** The consultation's row, the client's identity and notes sealed under a key of their own. */
  private async row<Categories extends object>(kind: ConsultationKind<Tx, Categories, ConsultationRow>, given: GivenConsultation<Categories>, principal: Principal) {
    const { id, region, givenAt, categories, client } = given;
    return { id, region, givenAt: new Date(givenAt), ...categories, ...(await this.personal.sealClient(kind.record.table, id, client)), createdBy: principal.subject };
  }

  private outcome<Categories extends object>(given: GivenConsultation<Categories>) {
    return { region: given.region, result: { id: given.id, region: given.region, ...(given.events[0]!.payload as object) }, events: given.events };
  }

  async read<Categories extends object, Row extends ConsultationRow>(kind: ConsultationKind<Tx, Categories, Row>, id: string, context: RequestContext, principal: Principal) {
    const row = await this.commands.read(principal, context, { type: kind.record.recordType, operation: 'ReadConsultation', missing: `no ${kind.record.label} ${id}` }, () => kind.find(id));
    const { personKeyId: _key, createdAt: _at, clientName: _name, clientContact: _contact, notes: _notes, ...categories } = row;
    return { ...categories, givenAt: row.givenAt.toISOString(), ...(await this.personal.openClient(kind.record.table, id, row)) };
  }

  erase<Categories extends object, Row extends ConsultationRow>(kind: ConsultationKind<Tx, Categories, Row>, id: string, context: RequestContext, principal: Principal) {
    return this.erasure.execute(kind.record, id, principal, context);
  }
}
