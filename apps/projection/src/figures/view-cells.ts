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
  const merged = new Map<string, { cell: CellDelta; count: number }>();
  for (const d of deltas) {
    const key = `${d.region}|${d.day}|${d.metric}|${d.dimension}|${d.value}`;
    const previous = merged.get(key);
    if (previous) previous.count += d.count;
    else merged.set(key, { cell: d, count: d.count });
  }
  return [...merged.keys()].sort().map((key) => {
    const { cell, count } = merged.get(key)!;
    return count === cell.count ? cell : { ...cell, count };
  });
}

const QUARTER_HOUR_MS = 15 * 60_000;
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/**
 * The time zone's offset from UTC at an instant, in ms. Worked out once per quarter of an hour (every
 * time zone changes its offset on a quarter hour) and kept: Intl's formatting was a sixth of a
 * replay's time, done for every fact of every event.
 */
function offsetAt(epochMs: number, timeZone: string): number {
  const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    let format = offsetFormats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
      offsetFormats.set(timeZone, format);
    }
    const at = quarter * QUARTER_HOUR_MS;
    const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((part) => [part.type, Number(part.value)]));
    offset = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!) - at;
    // Bounded: a replay of years of history touches some hundred thousand quarter hours at most.
    if (offsets.size >= 200_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** "YYYY-MM-DD" of an instant in a time zone. */
export function dayOf(isoInstant: string, timeZone: string): string {
  const epochMs = Date.parse(isoInstant);
  return new Date(epochMs + offsetAt(epochMs, timeZone)).toISOString().slice(0, 10);
}

/** "YYYY-MM" of an instant in a time zone. */
export const monthOf = (isoInstant: string, timeZone: string): string => dayOf(isoInstant, timeZone).slice(0, 7);
