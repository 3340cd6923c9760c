import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import { AgencyTypeSchema, RegionCodeSchema, RegulatorDecisionSchema } from '@qorgau/contracts';
import type { RequestContext } from '@qorgau/platform';
import { Commands, found, lockRow, refused, type RegionListQuery } from '@qorgau/service-kit';
import { LegalPrisma, type LegalTx } from '../database/legal-prisma';
import { fileComplaint, recordDecision } from './agency-complaint.decider';
import type { ComplaintRequest, DecisionRequest } from './agency-complaint.requests';

const RECORD = 'AGENCY_COMPLAINT';

/** Complaints against agencies with the regulator: the agency's name stays here, its type is announced. */
@Injectable()
export class AgencyComplaintCommands {
  constructor(
    private readonly commands: Commands<LegalTx>,
    private readonly prisma: LegalPrisma,
  ) {}

  file(request: ComplaintRequest, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const { region, filedAt = context.now.toISOString(), agencyType, agencyName } = request;
    const events = fileComplaint({ complaintId: id, filedAt, agencyType });
    if (!events.ok) refused(events.violations);
    return this.commands.run(principal, context, 'CREATE', { type: RECORD, id, operation: 'FileComplaint' }, async (tx) => {
      await tx.agencyComplaint.create({ data: { id, region, filedAt: new Date(filedAt), agencyType, agencyName, createdBy: principal.subject } });
      return { region, result: { id, region, ...events.value[0].payload, decision: null }, events: events.value };
    });
  }

  recordDecision(id: string, request: DecisionRequest, context: RequestContext, principal: Principal) {
    return this.commands.run(principal, context, 'UPDATE', { type: RECORD, id, operation: 'RecordDecision' }, async (tx) => {
      await lockRow(tx, 'agency_complaint', id);
      const row = found(await tx.agencyComplaint.findUnique({ where: { id } }), `no complaint ${id}`, principal);
      const decidedAt = new Date(request.decidedAt ?? context.now.toISOString());
      const events = recordDecision({ complaintId: id, agencyType: AgencyTypeSchema.parse(row.agencyType), filedAt: row.filedAt, decision: row.decision }, request.decision, decidedAt);
      if (!events.ok) refused(events.violations);
      await tx.agencyComplaint.update({ where: { id }, data: { decision: request.decision, decidedAt } });
      return { region: RegionCodeSchema.parse(row.region), result: { id, region: row.region, ...events.value[0].payload }, events: events.value };
    });
  }

  /** The region's complaints, newest first: the lawyer's list to follow up with the regulator (audited). */
  async list(query: RegionListQuery, context: RequestContext, principal: Principal) {
    const rows = await this.commands.list(principal, context, { type: RECORD, operation: 'ListComplaints', what: 'complaints' }, query.region, (region) =>
      this.prisma.agencyComplaint.findMany({ where: { region }, orderBy: { filedAt: 'desc' }, take: query.limit }),
    );
    return {
      complaints: rows.map((row) => ({
        id: row.id,
        region: RegionCodeSchema.parse(row.region),
        filedAt: row.filedAt.toISOString(),
        agencyType: AgencyTypeSchema.parse(row.agencyType),
        agencyName: row.agencyName,
        decision: row.decision === null ? null : RegulatorDecisionSchema.parse(row.decision),
        decidedAt: row.decidedAt?.toISOString() ?? null,
      })),
    };
  }
}
