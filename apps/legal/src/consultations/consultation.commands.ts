import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Principal } from '@qorgau/auth';
import type { RequestContext } from '@qorgau/platform';
import { ClientConsultations, type ConsultationKind, type ImportRequest } from '@qorgau/service-kit';
import { LegalPrisma, type LegalTx } from '../database/legal-prisma';
import { giveConsultation } from './consultation.decider';
import type { ConsultationRequest } from './consultation.requests';

type Categories = Omit<ConsultationRequest, 'region' | 'givenAt' | 'clientName' | 'clientContact' | 'notes'>;

/** A lawyer's consultations: the categories are announced, the client's identity and notes stay sealed here. */
@Injectable()
export class ConsultationCommands {
  private readonly kind: ConsultationKind<LegalTx, Categories, NonNullable<Awaited<ReturnType<LegalPrisma['legalConsultation']['findUnique']>>>> = {
    record: { table: 'legal_consultation', label: 'consultation', recordType: 'LEGAL_CONSULTATION', operation: 'EraseClient' },
    decide: giveConsultation,
    insert: (tx, data) => tx.legalConsultation.createMany({ data }),
    find: (id) => this.prisma.legalConsultation.findUnique({ where: { id } }),
  };

  constructor(
    private readonly consultations: ClientConsultations<LegalTx>,
    private readonly prisma: LegalPrisma,
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
