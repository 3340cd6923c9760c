import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import type { RequestContext } from '@qorgau/platform';
import { Commands, ErasePersonalData, PersonalData, refused, type ErasableRecord } from '@qorgau/service-kit';
import { PsychologyPrisma, type PsychologyTx } from '../database/psychology-prisma';
import { giveConsultation } from './consultation.decider';
import type { ConsultationRequest } from './consultation.requests';

const TABLE = 'psychological_consultation';
const CONSULTATION: ErasableRecord = { table: TABLE, label: 'consultation', recordType: 'PSYCHOLOGICAL_CONSULTATION', operation: 'EraseClient' };

/** Psychological consultations: the categories are announced, any identity and the notes stay sealed here, for psychologists only. */
@Injectable()
export class ConsultationCommands {
  constructor(
    private readonly commands: Commands<PsychologyTx>,
    private readonly prisma: PsychologyPrisma,
    private readonly personal: PersonalData,
    private readonly erasure: ErasePersonalData,
  ) {}

  give(request: ConsultationRequest, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const { region, givenAt = context.now.toISOString(), clientName, clientContact, notes, ...categories } = request;
    const decision = giveConsultation({ consultation: { consultationId: id, givenAt, ...categories }, identityGiven: { clientName: Boolean(clientName), clientContact: Boolean(clientContact) } });
    if (!decision.ok) refused(decision.violations);
    return this.commands.run(principal, context, 'CREATE', { type: CONSULTATION.recordType, id, operation: 'GiveConsultation' }, async (tx) => {
      const client = await this.personal.sealClient(TABLE, id, { clientName, clientContact, notes });
      await tx.psychologicalConsultation.create({ data: { id, region, givenAt: new Date(givenAt), ...categories, ...client, createdBy: principal.subject } });
      return { region, result: { id, region, ...decision.value[0].payload }, events: decision.value };
    });
  }

  async read(id: string, context: RequestContext, principal: Principal) {
    const row = await this.commands.read(principal, context, { type: CONSULTATION.recordType, operation: 'ReadConsultation', missing: `no consultation ${id}` }, () =>
      this.prisma.psychologicalConsultation.findUnique({ where: { id } }),
    );
    const { personKeyId: _key, createdAt: _at, clientName: _name, clientContact: _contact, notes: _notes, ...categories } = row;
    return { ...categories, givenAt: row.givenAt.toISOString(), ...(await this.personal.openClient(TABLE, id, row)) };
  }

  erase(id: string, context: RequestContext, principal: Principal) {
    return this.erasure.execute(CONSULTATION, id, principal, context);
  }
}
