import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import type { RequestContext } from '@qorgau/platform';
import { Commands, ErasePersonalData, PersonalData, type ErasableRecord } from '@qorgau/service-kit';
import { LegalPrisma, type LegalTx } from '../database/legal-prisma';
import type { ConsultationRequest } from './consultation.requests';

const TABLE = 'legal_consultation';
const CONSULTATION: ErasableRecord = { table: TABLE, label: 'consultation', recordType: 'LEGAL_CONSULTATION', operation: 'EraseClient' };

/** A lawyer's consultations: the categories are announced, the client's identity and notes stay sealed here. */
@Injectable()
export class ConsultationCommands {
  constructor(
    private readonly commands: Commands<LegalTx>,
    private readonly prisma: LegalPrisma,
    private readonly personal: PersonalData,
    private readonly erasure: ErasePersonalData,
  ) {}

  give(request: ConsultationRequest, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const { region, givenAt = context.now.toISOString(), clientName, clientContact, notes, ...categories } = request;
    return this.commands.run(principal, context, 'CREATE', { type: CONSULTATION.recordType, id, operation: 'GiveConsultation' }, async (tx) => {
      const client = await this.personal.sealClient(TABLE, id, { clientName, clientContact, notes });
      await tx.legalConsultation.create({ data: { id, region, givenAt: new Date(givenAt), ...categories, ...client, createdBy: principal.subject } });
      const payload = { consultationId: id, givenAt, ...categories };
      return { region, result: { id, region, ...payload }, events: [{ type: 'LegalConsultationGiven', payload }] };
    });
  }

  async read(id: string, context: RequestContext, principal: Principal) {
    const row = await this.commands.read(principal, context, { type: CONSULTATION.recordType, operation: 'ReadConsultation', missing: `no consultation ${id}` }, () =>
      this.prisma.legalConsultation.findUnique({ where: { id } }),
    );
    const { personKeyId: _key, createdBy: _by, createdAt: _at, clientName: _name, clientContact: _contact, notes: _notes, ...categories } = row;
    return { ...categories, givenAt: row.givenAt.toISOString(), ...(await this.personal.openClient(TABLE, id, row)) };
  }

  erase(id: string, context: RequestContext, principal: Principal) {
    return this.erasure.execute(CONSULTATION, id, principal, context);
  }
}
