import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { TOTAL, type PeriodKind } from '@qorgau/contracts';
import type { ExportedReport } from './report-export';

/**
 * How Qorgau's figures are named in a partner's DHIS2: indicator → data element, reporting scope →
 * organisation unit, breakdown value → category option combo. Every name defaults to a code derived
 * from ours (docs/dhis2.md), imported in DHIS2 with idScheme=CODE; a mapping file (DHIS2_MAPPING_FILE)
 * overrides any of them, e.g. with the partner's own uids.
 */
export const dhis2MappingSchema = z
  .object({
    dataElements: z.record(z.string(), z.string().min(1)).default({}).describe('indicator code → data element'),
    orgUnits: z.record(z.string(), z.string().min(1)).default({}).describe('KZ or a region code → organisation unit'),
    categoryOptionCombos: z.record(z.string(), z.string().min(1)).default({}).describe('"total", or "<indicator>.<breakdown>.<value>" or "<breakdown>.<value>" → category option combo'),
  })
  .strict();
export type Dhis2Mapping = z.output<typeof dhis2MappingSchema>;

/** The mapping file's contents, checked at start-up: a wrong file stops the service with the reason. */
export function loadDhis2Mapping(file: string | undefined): Dhis2Mapping {
  if (!file) return dhis2MappingSchema.parse({});
  return dhis2MappingSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

const upper = (value: string) => value.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
const dataElementOf = (mapping: Dhis2Mapping, indicator: string) => mapping.dataElements[indicator] ?? upper(indicator);
const orgUnitOf = (mapping: Dhis2Mapping, scope: string) => mapping.orgUnits[scope] ?? scope;
/** DHIS2's own default category option combo has the code "default". */
const comboOf = (mapping: Dhis2Mapping, indicator: string, dimension: string, value: string) =>
  dimension === TOTAL.dimension
    ? (mapping.categoryOptionCombos['total'] ?? 'default')
    : (mapping.categoryOptionCombos[`${indicator}.${dimension}.${value}`] ?? mapping.categoryOptionCombos[`${dimension}.${value}`] ?? `${upper(dimension)}_${upper(value)}`);

/** DHIS2's ISO periods: 202603, 2026Q1, 2026. A range of days has none (DHIS2 periods are fixed). */
export function dhis2Period(kind: PeriodKind, period: string): string | null {
  if (kind === 'MONTH') return period.replace('-', '');
  if (kind === 'QUARTER') return period.replace('-', '');
  if (kind === 'YEAR') return period;
  return null;
}

/**
 * A DHIS2 data value set (Web API /api/dataValueSets, JSON): one data value per released cell;
 * withheld cells are left out, as DHIS2 has no way to mark them.
 */
export function toDhis2DataValueSet(report: ExportedReport, mapping: Dhis2Mapping) {
  const period = dhis2Period(report.periodKind, report.period);
  if (!period) throw new Error('DHIS2 periods are months, quarters or years');
  return {
    dataValues: report.cells
      .filter((cell) => cell.confidentiality === 'F')
      .map((cell) => ({
        dataElement: dataElementOf(mapping, cell.indicator),
        period,
        orgUnit: orgUnitOf(mapping, cell.orgUnit),
        categoryOptionCombo: comboOf(mapping, cell.indicator, cell.dimension, cell.value),
        value: String(cell.count),
      })),
  };
}

const DAY_MS = 86_400_000;
/** ADX periods are a start and a duration: 2026-01-01/P3M, 2006-03-16/P732D. */
export function adxPeriod(kind: PeriodKind, start: string, end: string): string {
  if (kind === 'MONTH') return `${start}/P1M`;
  if (kind === 'QUARTER') return `${start}/P3M`;
  if (kind === 'YEAR') return `${start}/P1Y`;
  return `${start}/P${Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS) + 1}D`;
}

const xml = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');

/**
 * An ADX data message (IHE QRPH Aggregate Data Exchange, urn:ihe:qrph:adx:2015), which DHIS2 imports
 * at /api/dataValueSets with Content-Type application/adx+xml. One group per organisation unit;
 * a breakdown is an attribute named by its category, its value our code (CALLER_SEX="FEMALE"), as
 * ADX names disaggregations by category option. Withheld cells are left out.
 */
export function toAdx(report: ExportedReport, mapping: Dhis2Mapping, exported: Date): string {
  const period = adxPeriod(report.periodKind, report.periodStart, report.periodEnd);
  const released = report.cells.filter((cell) => cell.confidentiality === 'F');
  const units = [...new Set(released.map((cell) => cell.orgUnit))];
  const groups = units.map((unit) => {
    const values = released
      .filter((cell) => cell.orgUnit === unit)
      .map((cell) => {
        const category = cell.dimension === TOTAL.dimension ? '' : ` ${upper(cell.dimension)}="${xml(cell.value)}"`;
        return `    <dataValue dataElement="${xml(dataElementOf(mapping, cell.indicator))}" value="${cell.count}"${category}/>`;
      });
    return [`  <group orgUnit="${xml(orgUnitOf(mapping, unit))}" period="${period}">`, ...values, '  </group>'].join('\n');
  });
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<adx xmlns="urn:ihe:qrph:adx:2015" exported="${exported.toISOString()}">`, ...groups, '</adx>', ''].join('\n');
}
