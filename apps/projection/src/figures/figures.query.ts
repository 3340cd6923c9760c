import { INDICATOR_CATALOGUE_VERSION, type RegionCode, TOTAL } from '@qorgau/contracts';
import type { ProjectionPrisma } from '../database/projection-prisma';
import { freshness } from '../generations/generations';
import { average, AVERAGE_METRICS, METRICS, STOCK_METRICS, type Metric } from './view-cells';

export interface Breakdown {
  readonly value: string;
  readonly count: number;
  /** count / the metric's total for the same scope and period; for multi-valued breakdowns (topics) the shares add up to more than 1. */
  readonly share: number;
}

export interface MetricView {
  readonly total: number;
  readonly breakdowns: Record<string, Breakdown[]>;
}

export interface ViewScope {
  readonly region?: RegionCode;
  /** How the period was asked for: "2026-Q3", "2026", "2026-11", "2026-01..2026-06", "2006-03-16..2008-03-16". */
  readonly period: string;
  /** The months it touches. */
  readonly from: string;
  readonly to: string;
  /** The days it counts, both included. */
  readonly start: string;
  readonly end: string;
}

export interface FiguresView {
  readonly scope: 'national' | RegionCode;
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly start: string;
  readonly end: string;
  readonly generation: number;
  readonly freshness: { readonly eventsApplied: number; readonly lastAppliedAt: string | null };
  /** The indicator catalogue version the figures follow. */
  readonly catalogueVersion: number;
  readonly metrics: Record<Metric, MetricView>;
}

interface SumRow {
  metric: Metric;
  dimension: string;
  value: string;
  count: bigint;
}

/**
 * Reads a view for a region or the whole country over a range of days. One indexed aggregate
 * over counters: its cost grows with regions × days × categories, never with the number of events.
 * Stocks are summed from their first day to the period's last (the balance then); averages are
 * worked out from the two figures they divide.
 */
export async function readFigures(prisma: ProjectionPrisma, scope: ViewScope): Promise<FiguresView> {
  const current = await freshness(prisma);
  const [flows, stocks] = current.generation
    ? await Promise.all([
        prisma.$queryRawUnsafe<SumRow[]>(
          `SELECT metric, dimension, value, SUM(count)::bigint AS count FROM view_cell
           WHERE generation = $1 AND day BETWEEN $2::date AND $3::date AND metric <> ALL($4::text[]) ${scope.region ? 'AND region = $5' : ''}
           GROUP BY metric, dimension, value`,
          ...[current.generation, scope.start, scope.end, STOCK_METRICS, ...(scope.region ? [scope.region] : [])],
        ),
        prisma.$queryRawUnsafe<SumRow[]>(
          `SELECT metric, dimension, value, SUM(count)::bigint AS count FROM view_cell
           WHERE generation = $1 AND day <= $2::date AND metric = ANY($3::text[]) ${scope.region ? 'AND region = $4' : ''}
           GROUP BY metric, dimension, value HAVING SUM(count) <> 0`,
          ...[current.generation, scope.end, STOCK_METRICS, ...(scope.region ? [scope.region] : [])],
        ),
      ])
    : [[], []];
  const rows = [...flows, ...stocks];

  const metrics = Object.fromEntries(METRICS.map((m) => [m, { total: 0, breakdowns: {} as Record<string, Breakdown[]> }])) as Record<
    Metric,
    { total: number; breakdowns: Record<string, Breakdown[]> }
  >;
  // Counters of an indicator the catalogue no longer has (an older version) are not served.
  const known = rows.filter((row) => Object.hasOwn(metrics, row.metric));
  for (const row of known) if (row.dimension === TOTAL.dimension) metrics[row.metric]!.total = Number(row.count);
  for (const row of known) {
    if (row.dimension === TOTAL.dimension) continue;
    const metric = metrics[row.metric]!;
    const count = Number(row.count);
    (metric.breakdowns[row.dimension] ??= []).push({ value: row.value, count, share: metric.total ? round(count / metric.total) : 0 });
  }
  for (const metric of Object.values(metrics)) {
    for (const list of Object.values(metric.breakdowns)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  for (const { metric, of, per } of AVERAGE_METRICS) metrics[metric].total = average(metrics[of].total, metrics[per].total);
  return {
    scope: scope.region ?? 'national',
    period: scope.period,
    from: scope.from,
    to: scope.to,
    start: scope.start,
    end: scope.end,
    generation: current.generation,
    catalogueVersion: INDICATOR_CATALOGUE_VERSION,
    freshness: { eventsApplied: current.eventsApplied, lastAppliedAt: current.lastAppliedAt },
    metrics,
  };
}

const round = (n: number): number => Math.round(n * 10_000) / 10_000;
