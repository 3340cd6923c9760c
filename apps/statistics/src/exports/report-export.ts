import { TOTAL, NATIONAL, type LabelLanguage, type PeriodKind } from '@qorgau/contracts';
import { csvDocument } from '@qorgau/platform';
import { exportLabels } from './export-labels';
import { dataStructureUrn, SDMX_BREAKDOWNS, sdmxBreakdownName, sdmxDimensionId, sdmxId } from './sdmx-structure';
import type { ReleasedCell } from './suppression';

/** What an export says about each indicator, from the catalogue. */
export interface IndicatorLabel {
  readonly code: string;
  readonly pillar: string;
  readonly title: string;
  readonly unit: string;
  readonly breakdownLabels: Readonly<Record<string, string>>;
}

export interface ExportedReport {
  readonly id: string;
  readonly scope: string;
  readonly periodKind: PeriodKind;
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly status: string;
  readonly catalogueVersion: number;
  readonly threshold: number;
  readonly cells: readonly ReleasedCell[];
  readonly indicators: ReadonlyMap<string, IndicatorLabel>;
}

const NOTES = { C: 'withheld: fewer people than the threshold', D: 'withheld: would reveal a withheld cell' } as const;

/**
 * CSV (RFC 4180, UTF-8 with a byte order mark): one row per cell; a withheld cell has an empty value,
 * its confidentiality code and a note. Asked for in a language, it is for people: the indicator,
 * pillar, unit and note in that language, and the names of the area, breakdown and value beside
 * their codes.
 */
export function toCsv(report: ExportedReport, language?: LabelLanguage): string {
  const labels = language ? exportLabels(language) : null;
  const header = labels
    ? [
        'indicator_code',
        'pillar',
        'indicator',
        'unit',
        'org_unit',
        'org_unit_name',
        'period',
        'breakdown',
        'breakdown_name',
        'breakdown_value',
        'breakdown_value_name',
        'value',
        'confidentiality',
        'note',
      ]
    : ['indicator_code', 'pillar', 'indicator', 'unit', 'org_unit', 'period', 'breakdown', 'breakdown_value', 'value', 'confidentiality', 'note'];
  const rows = report.cells.map((cell) => {
    const label = report.indicators.get(cell.indicator);
    const breakdown = cell.dimension === TOTAL.dimension ? '' : cell.dimension;
    const value = breakdown ? cell.value : '';
    const withheld = cell.confidentiality === 'F' ? '' : labels ? labels.withheld(cell.confidentiality, report.threshold) : `${NOTES[cell.confidentiality]} (${report.threshold})`;
    const figure = [cell.confidentiality === 'F' ? String(cell.count) : '', cell.confidentiality, withheld];
    if (!labels) return [cell.indicator, label?.pillar ?? '', label?.title ?? '', label?.unit ?? '', cell.orgUnit, report.period, breakdown, value, ...figure];
    return [
      cell.indicator,
      labels.pillar(label?.pillar ?? ''),
      labels.indicator(cell.indicator, label?.title ?? ''),
      labels.unit(label?.unit ?? ''),
      cell.orgUnit,
      labels.orgUnit(cell.orgUnit),
      report.period,
      breakdown,
      breakdown ? labels.dimension(breakdown) : '',
      value,
      breakdown ? labels.value(breakdown, value) : '',
      ...figure,
    ];
  });
  return csvDocument([header, ...rows]);
}

/** Where the SDMX-JSON 1.0 data message schema is published (vendored in docs/standards/sdmx-json for the tests). */
export const SDMX_JSON_DATA_SCHEMA = 'https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/data-message/tools/schemas/1.0/sdmx-json-data-schema.json';
/** One dimension of the message: SDMX's code for "all values" first, then each value as it occurs. */
interface Dimension {
  readonly id: string;
  readonly name: string;
  readonly values: { readonly id: string; readonly name: string }[];
}

/**
 * SDMX-JSON 1.0 data message (sdmx-twg/sdmx-json, valid against its 1.0 schema), flat: every
 * dimension at observation level (dimensionAtObservation=AllDimensions). Beside INDICATOR, REF_AREA
 * and TIME_PERIOD each breakdown is a dimension of its own, `_T` (SDMX's code for a total) where a
 * figure does not break down by it: a cell of citizenship UZ is `CITIZENSHIP=UZ` and `_T` in every
 * other breakdown. Observations are keyed by the indices of their dimension values joined by ":",
 * and hold [value, CONF_STATUS index, UNIT_MEASURE index]; a withheld one has a null value and
 * CONF_STATUS C or D.
 */
export function toSdmxJson(report: ExportedReport, prepared: Date) {
  const indicatorIds = [...new Set(report.cells.map((c) => c.indicator))];
  const areaIds = [...new Set(report.cells.map((c) => c.orgUnit))];
  // Every breakdown of the data structure (DSD_4P), in its order, `_T` alone where no figure breaks down by it.
  const breakdowns = new Map<string, Dimension>(
    breakdownsOf(report).map((dimension) => [dimension, { id: sdmxDimensionId(dimension), name: sdmxBreakdownName(dimension), values: [{ id: '_T', name: 'Total' }] }]),
  );
  for (const cell of report.cells) {
    if (cell.dimension === TOTAL.dimension) continue;
    const dimension = breakdowns.get(cell.dimension)!;
    if (!dimension.values.some((v) => v.id === sdmxId(cell.value))) dimension.values.push({ id: sdmxId(cell.value), name: cell.value });
  }
  const breakdownOrder = [...breakdowns.keys()];
  const units = [...new Set(indicatorIds.map((id) => report.indicators.get(id)?.unit ?? 'NUMBER'))];
  const confidentiality = ['F', 'C', 'D'] as const;

  const observations: Record<string, [number | null, number, number]> = {};
  for (const cell of report.cells) {
    const position = breakdownOrder.map((dimension) => (dimension === cell.dimension ? breakdowns.get(dimension)!.values.findIndex((v) => v.id === sdmxId(cell.value)) : 0));
    const key = [indicatorIds.indexOf(cell.indicator), areaIds.indexOf(cell.orgUnit), ...position, 0].join(':');
    const unit = units.indexOf(report.indicators.get(cell.indicator)?.unit ?? 'NUMBER');
    observations[key] = [cell.confidentiality === 'F' ? cell.count : null, confidentiality.indexOf(cell.confidentiality), unit];
  }

  const dimensions = [
    { id: 'INDICATOR', name: 'Indicator', values: indicatorIds.map((id) => ({ id: sdmxId(id), name: report.indicators.get(id)?.title ?? id })) },
    { id: 'REF_AREA', name: 'Reference area', roles: ['REF_AREA'], values: areaIds.map((id) => ({ id: sdmxId(id), name: id === NATIONAL ? 'Kazakhstan' : id })) },
    ...breakdownOrder.map((dimension) => breakdowns.get(dimension)!),
    {
      id: 'TIME_PERIOD',
      name: 'Time period',
      roles: ['TIME_PERIOD'],
      // The days of the period in Kazakhstan's time (UTC+5), from its first midnight to its last second.
      values: [{ id: sdmxId(report.period), name: report.period, start: `${report.periodStart}T00:00:00+05:00`, end: `${report.periodEnd}T23:59:59+05:00` }],
    },
  ].map((dimension, keyPosition) => ({ ...dimension, keyPosition }));

  return {
    meta: {
      schema: SDMX_JSON_DATA_SCHEMA,
      id: `QORGAU-${report.id}`,
      test: false,
      prepared: prepared.toISOString(),
      contentLanguages: ['en'],
      sender: { id: 'QORGAU', name: 'Qorgau anti-trafficking programme' },
    },
    data: {
      structure: {
        links: [{ rel: 'structure', urn: dataStructureUrn(report.catalogueVersion) }],
        name: `4P indicators, ${report.scope}, ${report.period}`,
        description: `Catalogue version ${report.catalogueVersion}; counts of people below ${report.threshold}, and cells that would reveal them, are withheld`,
        dimensions: { dataSet: [], series: [], observation: dimensions },
        attributes: {
          dataSet: [],
          series: [],
          observation: [
            {
              id: 'CONF_STATUS',
              name: 'Confidentiality status',
              relationship: { primaryMeasure: 'OBS_VALUE' },
              values: [
                { id: 'F', name: 'Free' },
                { id: 'C', name: `Confidential statistical information: fewer than ${report.threshold} people` },
                { id: 'D', name: 'Secondary confidentiality set by the sender, not for publication' },
              ],
            },
            { id: 'UNIT_MEASURE', name: 'Unit of measure', roles: ['UNIT_MEASURE'], relationship: { dimensions: ['INDICATOR'] }, values: units.map((id) => ({ id, name: id.toLowerCase() })) },
          ],
        },
      },
      dataSets: [
        {
          links: [{ rel: 'structure', urn: dataStructureUrn(report.catalogueVersion) }],
          action: 'Information',
          reportingBegin: report.periodStart,
          reportingEnd: report.periodEnd,
          observations,
        },
      ],
    },
  };
}

/**
 * SDMX-CSV 1.0 (SDMX 2.1's CSV format): one row per observation, headed by the dataflow and the
 * same dimension ids as the SDMX-JSON message — `_T` where a figure does not break down by a
 * dimension — then OBS_VALUE and the attributes. A withheld observation has an empty OBS_VALUE and
 * CONF_STATUS C or D. Plain UTF-8 without a byte order mark: this one is for machines.
 */
export function toSdmxCsv(report: ExportedReport): string {
  const breakdowns = breakdownsOf(report);
  const header = ['DATAFLOW', 'INDICATOR', 'REF_AREA', ...breakdowns.map(sdmxDimensionId), 'TIME_PERIOD', 'OBS_VALUE', 'CONF_STATUS', 'UNIT_MEASURE'];
  const dataflow = `QORGAU:DF_4P(${report.catalogueVersion}.0)`;
  const rows = report.cells.map((cell) => [
    dataflow,
    sdmxId(cell.indicator),
    sdmxId(cell.orgUnit),
    ...breakdowns.map((dimension) => (dimension === cell.dimension ? sdmxId(cell.value) : '_T')),
    sdmxId(report.period),
    cell.confidentiality === 'F' ? String(cell.count) : '',
    cell.confidentiality,
    report.indicators.get(cell.indicator)?.unit ?? 'NUMBER',
  ]);
  return csvDocument([header, ...rows]).replace(/^\uFEFF/, '');
}

/** The data structure's breakdowns, then any a report of an older catalogue version holds besides. */
const breakdownsOf = (report: ExportedReport): string[] => [...new Set([...SDMX_BREAKDOWNS, ...report.cells.filter((cell) => cell.dimension !== TOTAL.dimension).map((cell) => cell.dimension)])];
