import { INDICATORS, measureOf, NATIONAL } from '@qorgau/contracts';
import type { IndicatorLabel } from '../exports/report-export';
import type { SuppressionRules } from '../exports/suppression';
import { OFFICIAL_MEASURES } from '../official-statistics/official-measures';

/** Every figure a report can hold: the catalogue's indicators and the official measures. */
export const ALL_FIGURES = [...INDICATORS, ...OFFICIAL_MEASURES];
export type ReportFigure = (typeof ALL_FIGURES)[number];

export const INDICATOR_LABELS: ReadonlyMap<string, IndicatorLabel> = new Map(
  ALL_FIGURES.map((i) => [i.code, { code: i.code, pillar: i.pillar, title: i.title, unit: i.unit, breakdownLabels: Object.fromEntries(i.breakdowns.map((b) => [b.dimension, b.label])) }]),
);

const byCode = new Map(ALL_FIGURES.map((i) => [i.code, i]));

/** Suppression rules from the catalogue: which figures count people, which breakdowns add up. */
export const suppressionRules = (threshold: number): SuppressionRules => ({
  threshold,
  // A figure the catalogue does not know is treated as people: withholding too much is the safe mistake.
  countsPeople: (code) => byCode.get(code)?.countsPeople ?? true,
  additive: (code, dimension) => !byCode.get(code)?.breakdowns.find((b) => b.dimension === dimension)?.multiple,
  national: NATIONAL,
  divisor: (code) => {
    const measure = INDICATORS.find((i) => i.code === code);
    const kind = measure ? measureOf(measure) : null;
    return kind?.kind === 'AVERAGE' ? kind.per : null;
  },
});
