import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import { RegionCodeSchema } from '@qorgau/contracts';
import type { RequestContext } from '@qorgau/platform';
import { binding, Commands, found, PersonalData, refused } from '@qorgau/service-kit';
import { LegalPrisma, type LegalTx } from '../database/legal-prisma';
import { recordAssistance } from './case-assistance.decider';
import type { AssistanceRequest, QueueQuery } from './case-assistance.requests';

const RECORD = 'CASE_ASSISTANCE';
const notReferred = (caseId: string) => `case ${caseId} has not been referred to legal (refer it in intake first)`;

/** A lawyer's work on victims' cases referred to legal: the actions are announced, the notes stay sealed here. */
@Injectable()
export class CaseAssistanceCommands {
  constructor(
    private readonly commands: Commands<LegalTx>,
    private readonly prisma: LegalPrisma,
    private readonly personal: PersonalData,
  ) {}

  /** One transaction: the case's work item is read, the rule decided, the action stored; a refusal stores nothing. */
  act(caseId: string, request: AssistanceRequest, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const at = request.at ?? context.now.toISOString();
    return this.commands.run(principal, context, 'UPDATE', { type: RECORD, operation: `Assistance${request.kind}` }, async (tx) => {
      const assistance = found(await tx.caseAssistance.findUnique({ where: { caseId } }), notReferred(caseId), principal);
      const decision = recordAssistance({ assistanceId: assistance.id, caseId, kind: request.kind, at, country: request.country, embassyInvolved: request.embassyInvolved });
      if (!decision.ok) refused(decision.violations);
      const note = request.note
        ? this.personal.seal(await this.personal.keyForRecord(tx, 'case_assistance', assistance.id, assistance.personKeyId), binding('assistance_action', id, 'note'), request.note)
        : null;
      await tx.assistanceAction.create({
        data: {
          id,
          assistanceId: assistance.id,
          kind: request.kind,
          at: new Date(at),
          country: request.country ?? null,
          embassyInvolved: request.embassyInvolved ?? null,
          note,
          createdBy: principal.subject,
        },
      });
      return { region: RegionCodeSchema.parse(assistance.region), recordId: assistance.id, result: { id, caseId, kind: request.kind, at }, events: decision.value };
    });
  }

  async queue(query: QueueQuery, context: RequestContext, principal: Principal) {
    const rows = await this.commands.list(principal, context, { type: RECORD, operation: 'ListCaseAssistance', what: 'cases' }, query.region, (region) =>
      this.prisma.caseAssistance.findMany({
        where: { region },
        orderBy: { openedAt: 'desc' },
        take: query.limit,
        include: { actions: { select: { kind: true, at: true }, orderBy: { at: 'asc' } } },
      }),
    );
    return rows.map((row) => ({
      caseId: row.caseId,
      assistanceId: row.id,
      region: row.region,
      openedAt: row.openedAt.toISOString(),
      actions: row.actions.map((a) => ({ kind: a.kind, at: a.at.toISOString() })),
    }));
  }

  async read(caseId: string, context: RequestContext, principal: Principal) {
    const assistance = await this.commands.read(principal, context, { type: RECORD, operation: 'ReadCaseAssistance', missing: notReferred(caseId) }, () =>
      this.prisma.caseAssistance.findUnique({ where: { caseId } }),
    );
    const actions = await this.prisma.assistanceAction.findMany({ where: { assistanceId: assistance.id }, orderBy: { at: 'asc' } });
    const key = await this.personal.keyOf(assistance.personKeyId);
    return {
      id: assistance.id,
      caseId,
      region: assistance.region,
      openedAt: assistance.openedAt.toISOString(),
      actions: actions.map((a) => ({
        id: a.id,
        kind: a.kind,
        at: a.at.toISOString(),
        country: a.country,
        embassyInvolved: a.embassyInvolved,
        note: this.personal.open(key, binding('assistance_action', a.id, 'note'), a.note),
      })),
    };
  }
}
