import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Principal } from '@qorgau/auth';
import { badRequest, type RequestContext } from '@qorgau/platform';
import { Commands, found, lockRow, refused, type RegionListQuery } from '@qorgau/service-kit';
import { LegalPrisma, type LegalTx } from '../database/legal-prisma';
import { advance, deliverVerdict, type CriminalProceeding } from './criminal-proceeding.decider';
import type { OpenRequest, StageRequest, VerdictRequest } from './criminal-proceeding.requests';
import { proceedingOf, type proceedingView } from './criminal-proceeding.responses';
import type { z } from 'zod';

const RECORD = 'CRIMINAL_PROCEEDING';
const LABEL = 'criminal proceedings';

/** Criminal proceedings a lawyer follows: stages only move forward, a verdict ends them. */
@Injectable()
export class CriminalProceedingCommands {
  constructor(
    private readonly commands: Commands<LegalTx>,
    private readonly prisma: LegalPrisma,
  ) {}

  open(request: OpenRequest, context: RequestContext, principal: Principal) {
    const id = randomUUID();
    const { region, caseId = null, openedAt = context.now.toISOString(), stage, articles } = request;
    return this.commands.run(principal, context, 'CREATE', { type: RECORD, id, operation: 'OpenProceeding' }, async (tx) => {
      // Proceedings are attached only to a case legal works on in the lawyer's own region: never to
      // another region's case, nor to a case id legal has not been given.
      if (caseId) {
        const assistance = await tx.caseAssistance.findUnique({ where: { caseId } });
        if (!assistance || assistance.region !== region) throw badRequest([{ field: 'caseId', message: `is not a case referred to legal in ${region}` }]);
      }
      await tx.criminalProceeding.create({ data: { id, region, caseId, openedAt: new Date(openedAt), stage, stageAt: new Date(openedAt), articles, createdBy: principal.subject } });
      const payload = { proceedingId: id, caseId, openedAt, stage, articles };
      return { region, result: { id, region, ...payload, verdict: null }, events: [{ type: 'CriminalProceedingOpened' as const, payload }] };
    });
  }

  advance(id: string, request: StageRequest, context: RequestContext, principal: Principal) {
    return this.commands.run(principal, context, 'UPDATE', { type: RECORD, id, operation: `AdvanceTo${request.stage}` }, async (tx) => {
      const current = await this.loadForUpdate(tx, id, principal);
      const at = request.at ?? context.now.toISOString();
      const decision = advance(asDecided(current), request.stage, new Date(at));
      if (!decision.ok) refused(decision.violations);
      const articles = request.articles ?? current.articles;
      const updated = await tx.criminalProceeding.update({ where: { id }, data: { stage: decision.value.stage, stageAt: decision.value.stageAt, articles } });
      const payload = { proceedingId: id, caseId: current.caseId, advancedAt: at, stage: request.stage, articles };
      return { region: current.region, result: proceedingOf(updated), events: [{ type: 'CriminalProceedingAdvanced' as const, payload }] };
    });
  }

  deliverVerdict(id: string, request: VerdictRequest, context: RequestContext, principal: Principal) {
    return this.commands.run(principal, context, 'UPDATE', { type: RECORD, id, operation: 'DeliverVerdict' }, async (tx) => {
      const current = await this.loadForUpdate(tx, id, principal);
      const at = request.deliveredAt ?? context.now.toISOString();
      const decision = deliverVerdict(asDecided(current), request.verdict, request.sentenceYears, new Date(at));
      if (!decision.ok) refused(decision.violations);
      const updated = await tx.criminalProceeding.update({ where: { id }, data: { verdict: request.verdict, sentenceYears: request.sentenceYears, deliveredAt: new Date(at) } });
      const payload = { proceedingId: id, caseId: current.caseId, deliveredAt: at, verdict: request.verdict, sentenceYears: request.sentenceYears, articles: current.articles };
      return { region: current.region, result: proceedingOf(updated), events: [{ type: 'VerdictDelivered' as const, payload }] };
    });
  }

  async read(id: string, context: RequestContext, principal: Principal) {
    return proceedingOf(
      await this.commands.read(principal, context, { type: RECORD, operation: 'ReadProceeding', missing: `no ${LABEL} ${id}` }, () => this.prisma.criminalProceeding.findUnique({ where: { id } })),
    );
  }

  /** The region's proceedings, newest first, with their stage and verdict (audited). */
  async list(query: RegionListQuery, context: RequestContext, principal: Principal) {
    const rows = await this.commands.list(principal, context, { type: RECORD, operation: 'ListProceedings', what: 'proceedings' }, query.region, (region) =>
      this.prisma.criminalProceeding.findMany({ where: { region }, orderBy: { openedAt: 'desc' }, take: query.limit }),
    );
    return { proceedings: rows.map(proceedingOf) };
  }

  /** The row lock serialises two lawyers recording the same proceedings. */
  private async loadForUpdate(tx: LegalTx, id: string, principal: Principal) {
    await lockRow(tx, 'criminal_proceeding', id);
    return proceedingOf(found(await tx.criminalProceeding.findUnique({ where: { id } }), `no ${LABEL} ${id}`, principal));
  }
}

const asDecided = (proceeding: z.output<typeof proceedingView>): CriminalProceeding => ({ stage: proceeding.stage, stageAt: new Date(proceeding.stageAt), verdict: proceeding.verdict });
