import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import type { DomainEvent, RegionCode } from '@qorgau/contracts';
import type { Decision } from '@qorgau/domain';
import type { SqlClient } from '@qorgau/messaging';
import type { RequestContext } from '@qorgau/platform';
import { Commands, refused } from './commands';
import { ErasePersonalData, type ErasableRecord } from './erasure';
import { PersonalData, type ClientIdentity } from './personal-data';

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
  insert(tx: Tx, row: Categories & ClientIdentity & { id: string; region: RegionCode; givenAt: Date; personKeyId: string | null; createdBy: string }): Promise<unknown>;
  find(id: string): Promise<Row | null>;
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
  ) {}

  give<Categories extends object, Row extends ConsultationRow>(kind: ConsultationKind<Tx, Categories, Row>, request: ConsultationRequestOf<Categories>, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const { region, givenAt = context.now.toISOString(), clientName, clientContact, notes, ...rest } = request;
    const categories = rest as unknown as Categories;
    const decision = kind.decide({ consultation: { consultationId: id, givenAt, ...categories }, identityGiven: { clientName: Boolean(clientName), clientContact: Boolean(clientContact) } });
    if (!decision.ok) refused(decision.violations);
    return this.commands.run(principal, context, 'CREATE', { type: kind.record.recordType, id, operation: 'GiveConsultation' }, async (tx) => {
      const client = await this.personal.sealClient(kind.record.table, id, { clientName, clientContact, notes });
      await kind.insert(tx, { id, region, givenAt: new Date(givenAt), ...categories, ...client, createdBy: principal.subject });
      return { region, result: { id, region, ...(decision.value[0]!.payload as object) }, events: decision.value };
    });
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
