import { assertNever, type EventEnvelope, type EventPayload, type RegionCode } from '@qorgau/contracts';

/** One change to one counter of a view. */
export interface CellDelta {
  readonly region: RegionCode;
  readonly month: string;
  readonly metric: Metric;
  readonly dimension: string;
  readonly value: string;
  readonly count: number;
}

export const METRICS = ['hotline_calls', 'cases_opened', 'victims_identified', 'referrals', 'cases_closed'] as const;
export type Metric = (typeof METRICS)[number];

/** The dimension holding each metric's total; every other dimension is a breakdown. */
export const TOTAL = { dimension: 'total', value: 'all' } as const;

/**
 * What each event adds to the views: pure, so "which figure does this event move" is tested
 * without Kafka or a database. The month is the month of the fact (the call, the opening), in the
 * reporting time zone, not the moment the event was processed.
 */
export function cellsFor(event: EventEnvelope, timeZone: string): CellDelta[] {
  const region = event.region;
  const cells = (metric: Metric, at: string, breakdown: Record<string, string | readonly string[] | null>): CellDelta[] => {
    const month = monthOf(at, timeZone);
    const out: CellDelta[] = [{ region, month, metric, ...TOTAL, count: 1 }];
    for (const [dimension, values] of Object.entries(breakdown)) {
      if (values === null) continue;
      for (const value of typeof values === 'string' ? [values] : values) out.push({ region, month, metric, dimension, value, count: 1 });
    }
    return out;
  };

  switch (event.type) {
    case 'HotlineCallLogged': {
      const p = event.payload;
      const referrals = p.referrals.length
        ? p.referrals.flatMap((destination) => cells('referrals', p.receivedAt, { destination, source: 'HOTLINE_CALL' }))
        : [];
      return [
        ...cells('hotline_calls', p.receivedAt, {
          caller_sex: p.callerSex,
          caller_category: p.callerCategory,
          caller_age_band: p.callerAgeBand,
          channel: p.channel,
          topic: p.topics,
          destination_country: p.destinationCountry,
        }),
        ...referrals,
      ];
    }
    case 'CaseOpened':
      return cells('cases_opened', event.payload.openedAt, { ...subjectBreakdown(event.payload), scope: event.payload.scope });
    case 'VictimIdentified':
      return cells('victims_identified', event.payload.identifiedAt, { ...subjectBreakdown(event.payload), identified_by: event.payload.identifiedBy });
    case 'CaseReferred':
      return cells('referrals', event.payload.referredAt, { destination: event.payload.destination, source: 'CASE' });
    case 'CaseClosed':
      return cells('cases_closed', event.payload.closedAt, { reason: event.payload.reason });
    case 'ConsentRecorded':
      // Consent governs what intake may do with a case; no national figure counts it.
      return [];
    default:
      return assertNever(event);
  }
}

/** How victims are counted in every case metric: form of exploitation, citizenship, sex, age band. */
function subjectBreakdown(p: EventPayload<'CaseOpened' | 'VictimIdentified'>): Record<string, string> {
  return { exploitation_form: p.exploitationForm, citizenship: p.citizenship, sex: p.subjectSex, age_band: p.subjectAgeBand };
}

/** Adds up deltas on the same counter, so a batch writes each counter once. */
export function mergeCells(deltas: readonly CellDelta[]): CellDelta[] {
  const merged = new Map<string, CellDelta>();
  for (const d of deltas) {
    const key = `${d.region}|${d.month}|${d.metric}|${d.dimension}|${d.value}`;
    const previous = merged.get(key);
    merged.set(key, previous ? { ...previous, count: previous.count + d.count } : d);
  }
  return [...merged.values()];
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM" of an instant in a time zone. */
export function monthOf(isoInstant: string, timeZone: string): string {
  let format = monthFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
    monthFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(isoInstant));
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}
