import { TOTAL, NATIONAL } from '@qorgau/contracts';
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
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly status: string;
  readonly catalogueVersion: number;
  readonly threshold: number;
  readonly cells: readonly ReleasedCell[];
  readonly indicators: ReadonlyMap<string, IndicatorLabel>;
}

const NOTES = { F: '', C: 'withheld: fewer people than the threshold', D: 'withheld: would reveal a withheld cell' } as const;

/** CSV (RFC 4180): one row per cell; a withheld cell has an empty value, its confidentiality code and a note. */
export function toCsv(report: ExportedReport): string {
  const header = ['indicator_code', 'pillar', 'indicator', 'unit', 'org_unit', 'period', 'breakdown', 'breakdown_value', 'value', 'confidentiality', 'note'];
  const rows = report.cells.map((cell) => {
    const label = report.indicators.get(cell.indicator);
    const breakdown = cell.dimension === TOTAL.dimension ? '' : cell.dimension;
    return [
      cell.indicator,
      label?.pillar ?? '',
      label?.title ?? '',
      label?.unit ?? '',
      cell.orgUnit,
      report.period,
      breakdown,
      breakdown ? cell.value : '',
      cell.confidentiality === 'F' ? String(cell.count) : '',
      cell.confidentiality,
      cell.confidentiality === 'F' ? '' : `${NOTES[cell.confidentiality]} (${report.threshold})`,
    ];
  });
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * One CSV field. A text starting with = + - @ (or a tab or carriage return) is prefixed with an
 * apostrophe, so a spreadsheet shows it rather than running it as a formula (OWASP's CSV injection
 * advice); numbers stay numbers.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * SDMX-JSON 1.0 data message (sdmx-twg/sdmx-json, data-message field guide), flat: every dimension
 * at observation level (dimensionAtObservation=AllDimensions). Observations are keyed by the
 * indices of their dimension values joined by ":", and hold [value, CONF_STATUS index, UNIT_MEASURE
 * index]. A withheld observation has a null value and CONF_STATUS C or D.
 */
export function toSdmxJson(report: ExportedReport, prepared: Date) {
  const indicatorIds = [...new Set(report.cells.map((c) => c.indicator))];
  const areaIds = [...new Set(report.cells.map((c) => c.orgUnit))];
  const breakdownIds = [...new Set(report.cells.map(breakdownId))];
  const units = [...new Set(indicatorIds.map((id) => report.indicators.get(id)?.unit ?? 'NUMBER'))];
  const confidentiality = ['F', 'C', 'D'] as const;

  const observations: Record<string, [number | null, number, number]> = {};
  for (const cell of report.cells) {
    const key = [indicatorIds.indexOf(cell.indicator), areaIds.indexOf(cell.orgUnit), breakdownIds.indexOf(breakdownId(cell)), 0].join(':');
    const unit = units.indexOf(report.indicators.get(cell.indicator)?.unit ?? 'NUMBER');
    observations[key] = [cell.confidentiality === 'F' ? cell.count : null, confidentiality.indexOf(cell.confidentiality), unit];
  }

  return {
    meta: {
      schema: 'https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/data-message/tools/schemas/1.0/sdmx-json-data-schema.json',
      id: `QORGAU-${report.id}`,
      test: false,
      prepared: prepared.toISOString(),
      contentLanguages: ['en'],
      sender: { id: 'QORGAU', name: 'Qorgau anti-trafficking programme' },
    },
    data: {
      structure: {
        name: `4P indicators, ${report.scope}, ${report.period}`,
        description: `Catalogue version ${report.catalogueVersion}; counts of people below ${report.threshold}, and cells that would reveal them, are withheld`,
        dimensions: {
          dataSet: [],
          series: [],
          observation: [
            { id: 'INDICATOR', name: 'Indicator', keyPosition: 0, values: indicatorIds.map((id) => ({ id: sdmxId(id), name: report.indicators.get(id)?.title ?? id })) },
            { id: 'REF_AREA', name: 'Reference area', keyPosition: 1, roles: ['REF_AREA'], values: areaIds.map((id) => ({ id: sdmxId(id), name: id === NATIONAL ? 'Kazakhstan' : id })) },
            { id: 'BREAKDOWN', name: 'Breakdown', keyPosition: 2, values: breakdownIds.map((id) => ({ id, name: breakdownName(id, report) })) },
            { id: 'TIME_PERIOD', name: 'Time period', keyPosition: 3, roles: ['TIME_PERIOD'], values: [{ id: report.period, name: report.period, start: report.periodStart, end: report.periodEnd }] },
          ],
        },
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
      dataSets: [{ action: 'Information', reportingBegin: report.periodStart, reportingEnd: report.periodEnd, observations }],
    },
  };
}

/** "_T" for a total (SDMX's code for totals), otherwise DIMENSION__VALUE. */
const breakdownId = (cell: Pick<ReleasedCell, 'dimension' | 'value'>): string => (cell.dimension === TOTAL.dimension ? '_T' : `${sdmxId(cell.dimension.toUpperCase())}__${sdmxId(cell.value)}`);

/** SDMX ids are letters, digits, _, @, $ and -. */
const sdmxId = (value: string): string => value.replace(/[^A-Za-z0-9_@$-]/g, '_');

function breakdownName(id: string, report: ExportedReport): string {
  if (id === '_T') return 'Total';
  const cell = report.cells.find((c) => breakdownId(c) === id)!;
  const label = report.indicators.get(cell.indicator)?.breakdownLabels[cell.dimension] ?? cell.dimension;
  return `${label}: ${cell.value}`;
}
