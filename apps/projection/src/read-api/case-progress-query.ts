import type { RegionCode } from '@qorgau/contracts';
import type { ProjectionPrisma } from '../database/projection-prisma';
import type { ReportingPeriod } from './reporting-period';

export interface CaseProgressRow {
  readonly caseId: string;
  readonly region: RegionCode;
  readonly openedMonth: string | null;
  readonly identifiedMonth: string | null;
  readonly assistedMonth: string | null;
  readonly closedMonth: string | null;
  readonly outcome: string | null;
}

export interface CaseProgressView {
  readonly scope: 'national' | RegionCode;
  readonly period: string;
  /** Of the cases opened in the period: how far they have come. */
  readonly funnel: { opened: number; identified: number; assisted: number; closed: number; returnedHome: number; reintegrated: number };
  readonly cases: CaseProgressRow[];
}

/** The cases opened in a period, each with the months of its stages; no personal data. */
export async function readCaseProgress(prisma: ProjectionPrisma, scope: ReportingPeriod & { region?: RegionCode }): Promise<CaseProgressView> {
  const rows = await prisma.$queryRawUnsafe<{ case_id: string; region: RegionCode; opened_month: string | null; identified_month: string | null; assisted_month: string | null; closed_month: string | null; outcome: string | null }[]>(
    `SELECT p.case_id::text AS case_id, p.region, p.opened_month, p.identified_month, p.assisted_month, p.closed_month, p.outcome
     FROM case_progress p JOIN projection_generation g ON g.generation = p.generation AND g.status = 'ACTIVE'
     WHERE p.opened_month BETWEEN $1 AND $2 ${scope.region ? 'AND p.region = $3' : ''}
     ORDER BY p.opened_month, p.case_id`,
    ...[scope.from, scope.to, ...(scope.region ? [scope.region] : [])],
  );
  const cases = rows.map((r) => ({
    caseId: r.case_id,
    region: r.region,
    openedMonth: r.opened_month,
    identifiedMonth: r.identified_month,
    assistedMonth: r.assisted_month,
    closedMonth: r.closed_month,
    outcome: r.outcome,
  }));
  const count = (test: (c: CaseProgressRow) => boolean) => cases.filter(test).length;
  return {
    scope: scope.region ?? 'national',
    period: scope.period,
    funnel: {
      opened: cases.length,
      identified: count((c) => c.identifiedMonth !== null),
      assisted: count((c) => c.assistedMonth !== null),
      closed: count((c) => c.closedMonth !== null),
      returnedHome: count((c) => c.outcome === 'RETURNED_HOME'),
      reintegrated: count((c) => c.outcome === 'REINTEGRATED'),
    },
    cases,
  };
}
