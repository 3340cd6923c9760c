import { indicatorFacts, INDICATORS, measureOf, type EventEnvelope, type RegionCode, TOTAL, type IndicatorCode } from '@qorgau/contracts';

/** One change to one counter of a view. */
export interface CellDelta {
  readonly region: RegionCode;
  /** YYYY-MM-DD in the reporting time zone. */
  readonly day: string;
  readonly metric: Metric;
  readonly dimension: string;
  readonly value: string;
  readonly count: number;
}

/** Every indicator of the catalogue is a metric of the views, under its code. */
export const METRICS: readonly IndicatorCode[] = INDICATORS.map((i) => i.code);
export type Metric = IndicatorCode;

/** Metrics whose figure is the balance on the period's last day: their counters are summed from the first day ever. */
export const STOCK_METRICS: readonly Metric[] = INDICATORS.filter((i) => measureOf(i).kind === 'STOCK').map((i) => i.code);

/** Metrics that are one metric's figure per another's, rounded: worked out after both are read. */
export const AVERAGE_METRICS: readonly { readonly metric: Metric; readonly of: Metric; readonly per: Metric }[] = INDICATORS.flatMap((i) => {
  const measure = measureOf(i);
  return measure.kind === 'AVERAGE' ? [{ metric: i.code, of: measure.of as Metric, per: measure.per as Metric }] : [];
});

/** `of` per `per`, rounded to whole units; 0 where there is nothing to divide by. */
export const average = (of: number, per: number): number => (per > 0 ? Math.round(of / per) : 0);

/**
 * What each event adds to the views, as the indicator catalogue defines it: pure, so "which
 * figure does this event move" is tested without Kafka or a database. The day is the day of the
 * fact (the call, the training), in the reporting time zone, not when the event was processed.
 */
export function cellsFor(event: EventEnvelope, timeZone: string): CellDelta[] {
  const region = event.region;
  return indicatorFacts(event.type, event.payload).flatMap(({ indicator, fact }) => {
    const day = dayOf(fact.at, timeZone);
    const cells: CellDelta[] = [{ region, day, metric: indicator.code, ...TOTAL, count: fact.count }];
    for (const [dimension, values] of Object.entries(fact.breakdown)) {
      if (values === null) continue;
      for (const value of typeof values === 'string' ? [values] : values) cells.push({ region, day, metric: indicator.code, dimension, value, count: fact.count });
    }
    return cells;
  });
}

/**
 * Adds up deltas on the same counter, so a batch writes each counter once; in the order of their
 * keys, so two batches applied side by side lock shared counters in the same order (no deadlock).
 */
export function mergeCells(deltas: readonly CellDelta[]): CellDelta[] {
  const merged = new Map<string, CellDelta>();
  for (const d of deltas) {
    const key = `${d.region}|${d.day}|${d.metric}|${d.dimension}|${d.value}`;
    const previous = merged.get(key);
    merged.set(key, previous ? { ...previous, count: previous.count + d.count } : d);
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, cell]) => cell);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD" of an instant in a time zone. */
export function dayOf(isoInstant: string, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(isoInstant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "YYYY-MM" of an instant in a time zone. */
export const monthOf = (isoInstant: string, timeZone: string): string => dayOf(isoInstant, timeZone).slice(0, 7);
