import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Principal } from '@qorgau/auth';
import type { RequestContext } from '@qorgau/platform';
import { ClientConsultations, type ConsultationKind, type ImportRequest } from '@qorgau/service-kit';
import { PsychologyPrisma, type PsychologyTx } from '../database/psychology-prisma';
import { giveConsultation } from './consultation.decider';
import type { ConsultationRequest } from './consultation.requests';

type Categories = Omit<ConsultationRequest, 'region' | 'givenAt' | 'clientName' | 'clientContact' | 'notes'>;

/** Psychological consultations: the categories are announced, any identity and the notes stay sealed here, for psychologists only. */
@Injectable()
export class ConsultationCommands {
  private readonly kind: ConsultationKind<PsychologyTx, Categories, NonNullable<Awaited<ReturnType<PsychologyPrisma['psychologicalConsultation']['findUnique']>>>> = {
    record: { table: 'psychological_consultation', label: 'consultation', recordType: 'PSYCHOLOGICAL_CONSULTATION', operation: 'EraseClient' },
    decide: giveConsultation,
    insert: (tx, data) => tx.psychologicalConsultation.createMany({ data }),
    find: (id) => this.prisma.psychologicalConsultation.findUnique({ where: { id } }),
  };

  constructor(
    private readonly consultations: ClientConsultations<PsychologyTx>,
    private readonly prisma: PsychologyPrisma,
  ) {}

  give(request: ConsultationRequest, context: RequestContext, principal: Principal) {
    return this.consultations.give(this.kind, request, context, principal);
  }

  import(request: ImportRequest, schema: z.ZodType<ConsultationRequest>, context: RequestContext, principal: Principal) {
    return this.consultations.import(this.kind, schema, request, context, principal);
  }

  read(id: string, context: RequestContext, principal: Principal) {
    return this.consultations.read(this.kind, id, context, principal);
  }

  erase(id: string, context: RequestContext, principal: Principal) {
    return this.consultations.erase(this.kind, id, context, principal);
  }
}
