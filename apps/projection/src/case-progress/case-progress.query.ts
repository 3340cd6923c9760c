import type { RegionCode } from '@qorgau/contracts';
import type { ProjectionPrisma } from '../database/projection-prisma';
import type { ReportingPeriod } from '../period-query';

export interface CaseProgressRow {
  readonly caseId: string;
  readonly region: RegionCode;
  readonly openedMonth: string | null;
  readonly identifiedMonth: string | null;
  readonly assistedMonth: string | null;
  readonly returnedMonth: string | null;
  readonly reintegratedMonth: string | null;
  readonly closedMonth: string | null;
  readonly outcome: string | null;
}

export type Funnel<N = number> = { opened: N; identified: N; assisted: N; closed: N; returnedHome: N; reintegrated: N };

export interface CaseProgressView {
  readonly scope: 'national' | RegionCode;
  readonly period: string;
  /** Of the cases opened in the period: how far they have come. Null: withheld as a small count. */
  readonly funnel: Funnel<number | null>;
  /** One row per case, for the case's own region only, and only with the victim's consent to case-level reporting. */
  readonly cases: CaseProgressRow[];
}

/** Who reads: the case's own region sees rows; anyone else (HQ) only the funnel, small counts withheld. */
export interface ProgressReader {
  readonly caseRows: boolean;
  /** Counts of cases (people) from 1 to this minus one are withheld. */
  readonly suppressBelow: number;
}

const COLUMNS = `p.case_id::text AS "caseId", p.region, p.opened_month AS "openedMonth", p.identified_month AS "identifiedMonth",
  p.assisted_month AS "assistedMonth", p.returned_month AS "returnedMonth", p.reintegrated_month AS "reintegratedMonth",
  p.closed_month AS "closedMonth", p.outcome`;

export interface CaseHistoryView extends CaseProgressRow {
  /** What happened, month by month, from every service: categories only. */
  readonly history: { month: string; step: string }[];
}

/** One case's stages and history; null when the projection has never heard of it, or the victim did not consent to case-level reporting. */
export async function readCaseHistory(prisma: ProjectionPrisma, caseId: string): Promise<CaseHistoryView | null> {
  const [row] = await prisma.$queryRawUnsafe<CaseProgressRow[]>(
    `SELECT ${COLUMNS} FROM case_progress p JOIN projection_generation g ON g.generation = p.generation AND g.status = 'ACTIVE'
     WHERE p.case_id = $1::uuid AND p.reporting_consent AND p.opened_month IS NOT NULL`,
    caseId,
  );
  if (!row) return null;
  const history = await prisma.$queryRawUnsafe<{ month: string; step: string }[]>(
    `SELECT s.month, s.step FROM case_step s JOIN projection_generation g ON g.generation = s.generation AND g.status = 'ACTIVE'
     WHERE s.case_id = $1::uuid ORDER BY s.month, s.step`,
    caseId,
  );
  return { ...row, history };
}

/** The cases opened in a period, each with the months of its stages; no personal data. */
export async function readCaseProgress(prisma: ProjectionPrisma, scope: ReportingPeriod & { region?: RegionCode }, reader: ProgressReader): Promise<CaseProgressView> {
  const all = await prisma.$queryRawUnsafe<(CaseProgressRow & { reportingConsent: boolean })[]>(
    `SELECT ${COLUMNS}, p.reporting_consent AS "reportingConsent" FROM case_progress p JOIN projection_generation g ON g.generation = p.generation AND g.status = 'ACTIVE'
     WHERE p.opened_month BETWEEN $1 AND $2 ${scope.region ? 'AND p.region = $3' : ''}
     ORDER BY p.opened_month, p.case_id`,
    ...[scope.from, scope.to, ...(scope.region ? [scope.region] : [])],
  );
  const count = (test: (c: CaseProgressRow) => boolean) => all.filter(test).length;
  const funnel: Funnel = {
    opened: all.length,
    identified: count((c) => c.identifiedMonth !== null),
    assisted: count((c) => c.assistedMonth !== null),
    closed: count((c) => c.closedMonth !== null),
    returnedHome: count((c) => c.returnedMonth !== null || c.outcome === 'RETURNED_HOME'),
    reintegrated: count((c) => c.reintegratedMonth !== null || c.outcome === 'REINTEGRATED'),
  };
  return {
    scope: scope.region ?? 'national',
    period: scope.period,
    funnel: reader.caseRows ? funnel : withholdSmall(funnel, reader.suppressBelow),
    cases: reader.caseRows ? all.filter((c) => c.reportingConsent).map(({ reportingConsent: _consent, ...row }) => row) : [],
  };
}

/** Counts of cases from 1 to below the threshold could single a victim out: withheld (null). Zero is safe to show. */
export function withholdSmall(funnel: Funnel, threshold: number): Funnel<number | null> {
  return Object.fromEntries(Object.entries(funnel).map(([stage, n]) => [stage, n > 0 && n < threshold ? null : n])) as Funnel<number | null>;
}
