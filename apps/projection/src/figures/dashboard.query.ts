import { TOTAL, type RegionCode } from '@qorgau/contracts';
import type { ProjectionPrisma } from '../database/projection-prisma';
import { freshness } from '../generations/generations';
import { readFigures, type FiguresView, type ViewScope } from './figures.query';
import { average, AVERAGE_METRICS, METRICS, STOCK_METRICS, type Metric } from './view-cells';

/** The dashboard's figures: the scope's totals and breakdowns, and every indicator by region and by month. */
export interface DashboardView extends FiguresView {
  /** indicator → region → total over the period (one region when the scope is a region). */
  readonly byRegion: Record<Metric, Record<string, number>>;
  /** indicator → month → total, every month of the period present (0 where nothing happened). */
  readonly byMonth: Record<Metric, Record<string, number>>;
}

/**
 * What the live dashboard draws, in one answer: the figures of the scope, and each indicator's
 * totals by region and by month for the period. Two indexed aggregates over the counters.
 */
export async function readDashboard(prisma: ProjectionPrisma, scope: ViewScope): Promise<DashboardView> {
  const current = await freshness(prisma);
  const [figures, rows, openings] = await Promise.all([
    readFigures(prisma, scope),
    current.generation
      ? prisma.$queryRawUnsafe<{ metric: Metric; region: RegionCode; month: string; count: bigint }[]>(
          `SELECT metric, region, to_char(day, 'YYYY-MM') AS month, SUM(count)::bigint AS count FROM view_cell
           WHERE generation = $1 AND day BETWEEN $2::date AND $3::date AND dimension = $4 ${scope.region ? 'AND region = $5' : ''}
           GROUP BY metric, region, to_char(day, 'YYYY-MM')`,
          ...[current.generation, scope.start, scope.end, TOTAL.dimension, ...(scope.region ? [scope.region] : [])],
        )
      : Promise.resolve([]),
    // The stocks' balances before the period: each month's figure is the balance at its end.
    current.generation && STOCK_METRICS.length > 0
      ? prisma.$queryRawUnsafe<{ metric: Metric; region: RegionCode; count: bigint }[]>(
          `SELECT metric, region, SUM(count)::bigint AS count FROM view_cell
           WHERE generation = $1 AND day < $2::date AND dimension = $3 AND metric = ANY($4::text[]) ${scope.region ? 'AND region = $5' : ''}
           GROUP BY metric, region`,
          ...[current.generation, scope.start, TOTAL.dimension, STOCK_METRICS, ...(scope.region ? [scope.region] : [])],
        )
      : Promise.resolve([]),
  ]);
  const months = monthsBetween(scope.from, scope.to);
  const byRegion = Object.fromEntries(METRICS.map((m) => [m, {} as Record<string, number>])) as Record<Metric, Record<string, number>>;
  const byMonth = Object.fromEntries(METRICS.map((m) => [m, Object.fromEntries(months.map((month) => [month, 0]))])) as Record<Metric, Record<string, number>>;
  for (const row of [...openings.map((opening) => ({ ...opening, month: months[0]! })), ...rows]) {
    if (!Object.hasOwn(byRegion, row.metric)) continue;
    const count = Number(row.count);
    byRegion[row.metric][row.region] = (byRegion[row.metric][row.region] ?? 0) + count;
    byMonth[row.metric][row.month] = (byMonth[row.metric][row.month] ?? 0) + count;
  }
  for (const metric of STOCK_METRICS) {
    let balance = 0;
    for (const month of months) byMonth[metric][month] = balance += byMonth[metric][month] ?? 0;
  }
  for (const { metric, of, per } of AVERAGE_METRICS) {
    for (const region of Object.keys(byRegion[per])) byRegion[metric][region] = average(byRegion[of][region] ?? 0, byRegion[per][region] ?? 0);
    for (const month of months) byMonth[metric][month] = average(byMonth[of][month] ?? 0, byMonth[per][month] ?? 0);
  }
  return { ...figures, byRegion, byMonth };
}

/** "2026-01".."2026-03" → ["2026-01", "2026-02", "2026-03"]. */
export function monthsBetween(from: string, to: string): string[] {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let i = index(from); i <= index(to); i++) months.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return months;
}

/** The version of what a dashboard shows: it changes whenever an event is applied or the views are rebuilt. */
export const dashboardTag = (view: Pick<DashboardView, 'scope' | 'period' | 'generation' | 'freshness'>): string =>
  `W/"${view.scope}-${view.period}-${view.generation}-${view.freshness.eventsApplied}"`;
