import { adxProblems, sdmxDataMessageProblems } from '@qorgau/testing';
import { dhis2MappingSchema, toAdx, toDhis2DataValueSet } from './dhis2-export';
import { toCsv, toSdmxCsv, toSdmxJson, type ExportedReport, type IndicatorLabel } from './report-export';
import { SDMX_BREAKDOWNS, sdmxDimensionId } from './sdmx-structure';

const report: ExportedReport = {
  id: '7d3c8f0e-1b2a-4c5d-8e9f-0a1b2c3d4e5f',
  scope: 'KZ',
  periodKind: 'QUARTER',
  period: '2026-Q1',
  periodStart: '2026-01-01',
  periodEnd: '2026-03-31',
  status: 'APPROVED',
  catalogueVersion: 1,
  threshold: 5,
  cells: [
    { indicator: 'victims_identified', orgUnit: 'KZ', dimension: 'total', value: 'all', count: 12, confidentiality: 'F' },
    { indicator: 'victims_identified', orgUnit: 'KZ', dimension: 'citizenship', value: 'UZ', count: 9, confidentiality: 'D' },
    { indicator: 'victims_identified', orgUnit: 'KZ', dimension: 'citizenship', value: 'KZ', count: 3, confidentiality: 'C' },
    { indicator: 'victims_identified', orgUnit: 'KZ', dimension: 'exploitation_form', value: 'LABOUR', count: 12, confidentiality: 'F' },
    { indicator: 'criminal_proceedings_opened', orgUnit: 'KZ', dimension: 'total', value: 'all', count: 4, confidentiality: 'F' },
    { indicator: 'criminal_proceedings_opened', orgUnit: 'KZ', dimension: 'article', value: '128.3', count: 4, confidentiality: 'F' },
  ],
  indicators: new Map<string, IndicatorLabel>([
    [
      'victims_identified',
      {
        code: 'victims_identified',
        pillar: 'PROTECTION',
        title: 'Victims identified, "all forms"',
        unit: 'PERSONS',
        breakdownLabels: { citizenship: 'Citizenship', exploitation_form: 'Form of exploitation' },
      },
    ],
    ['criminal_proceedings_opened', { code: 'criminal_proceedings_opened', pillar: 'PROSECUTION', title: 'Criminal proceedings opened', unit: 'CASES', breakdownLabels: { article: 'Article' } }],
  ]),
};

describe('report exports', () => {
  it('write CSV with withheld cells empty and marked, quoting what needs quoting', () => {
    const csv = toCsv(report);
    // UTF-8 with a byte order mark, so Excel on Windows opens Kazakh and Russian as written.
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('indicator_code,pillar,indicator,unit,org_unit,period,breakdown,breakdown_value,value,confidentiality,note');
    expect(lines[1]).toBe('victims_identified,PROTECTION,"Victims identified, ""all forms""",PERSONS,KZ,2026-Q1,,,12,F,');
    expect(lines[3]).toBe('victims_identified,PROTECTION,"Victims identified, ""all forms""",PERSONS,KZ,2026-Q1,citizenship,KZ,,C,withheld: fewer people than the threshold (5)');
  });

  it('write CSV for people in Russian or Kazakh: the names of indicators, areas, breakdowns and values beside the codes', () => {
    const russian = toCsv(report, 'ru')
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(russian[0]).toBe('indicator_code,pillar,indicator,unit,org_unit,org_unit_name,period,breakdown,breakdown_name,breakdown_value,breakdown_value_name,value,confidentiality,note');
    expect(russian[2]).toBe(
      'victims_identified,Защита,Выявленные жертвы торговли людьми,человек,KZ,Казахстан (в целом),2026-Q1,citizenship,Гражданство,UZ,Узбекистан,,D,скрыто: позволило бы вычислить скрытую ячейку (5)',
    );
    expect(russian[4]).toContain(',exploitation_form,Форма эксплуатации,LABOUR,Трудовая,12,F,');
    // Criminal Code articles are their own names.
    expect(russian[6]).toContain(',article,Статья,128.3,128.3,4,F,');
    const kazakh = toCsv(report, 'kk');
    expect(kazakh).toContain(',UZ,Өзбекстан,');
    expect(kazakh).toContain('Қазақстан (жалпы)');
  });

  it('write an SDMX-JSON 1.0 data message valid against the official schema, one dimension per breakdown, withheld observations without a value', () => {
    const message = toSdmxJson(report, new Date('2026-04-05T10:00:00Z'));
    expect(sdmxDataMessageProblems(message)).toEqual([]);
    const dimensions = message.data.structure.dimensions.observation;
    // Every dimension of the data structure (DSD_4P), in its order: the ones no cell breaks down by hold only `_T`.
    const ids = dimensions.map((d) => d.id);
    expect(ids).toEqual(['INDICATOR', 'REF_AREA', ...SDMX_BREAKDOWNS.map(sdmxDimensionId), 'TIME_PERIOD']);
    expect(dimensions.map((d) => d.keyPosition)).toEqual(ids.map((_, i) => i));
    const dimension = (id: string) => dimensions[ids.indexOf(id)]!;
    expect(dimension('CITIZENSHIP').values.map((v) => v.id)).toEqual(['_T', 'UZ', 'KZ']);
    expect(dimension('ARTICLE').values).toEqual([
      { id: '_T', name: 'Total' },
      { id: '128_3', name: '128.3' },
    ]);
    expect(dimension('CALLER_SEX').values).toEqual([{ id: '_T', name: 'Total' }]);
    expect(dimension('TIME_PERIOD').values).toEqual([{ id: '2026-Q1', name: '2026-Q1', start: '2026-01-01T00:00:00+05:00', end: '2026-03-31T23:59:59+05:00' }]);
    const observations = message.data.dataSets[0]!.observations;
    const key = (indicator: number, at: Record<string, number> = {}) => ids.map((id, i) => (i === 0 ? indicator : (at[id] ?? 0))).join(':');
    expect(Object.keys(observations)).toHaveLength(6);
    expect(observations[key(0)]).toEqual([12, 0, 0]);
    expect(observations[key(0, { CITIZENSHIP: 2 })]).toEqual([null, 1, 0]);
    expect(observations[key(0, { CITIZENSHIP: 1 })]).toEqual([null, 2, 0]);
    expect(observations[key(0, { EXPLOITATION_FORM: 1 })]).toEqual([12, 0, 0]);
    expect(observations[key(1, { ARTICLE: 1 })]).toEqual([4, 0, 1]);
    expect(JSON.stringify(Object.values(observations))).not.toMatch(/\b[39]\b/);
  });

  it('write SDMX-CSV with the SDMX-JSON message’s dimensions, one observation per row, withheld ones without a value', () => {
    const lines = toSdmxCsv(report).trimEnd().split('\r\n');
    const breakdowns = SDMX_BREAKDOWNS.map(sdmxDimensionId);
    expect(lines[0]).toBe(['DATAFLOW', 'INDICATOR', 'REF_AREA', ...breakdowns, 'TIME_PERIOD', 'OBS_VALUE', 'CONF_STATUS', 'UNIT_MEASURE'].join(','));
    const row = (indicator: string, at: Record<string, string>, value: string, status: string, unit: string) =>
      ['QORGAU:DF_4P(1.0)', indicator, 'KZ', ...breakdowns.map((id) => at[id] ?? '_T'), '2026-Q1', value, status, unit].join(',');
    expect(lines.slice(1)).toEqual([
      row('victims_identified', {}, '12', 'F', 'PERSONS'),
      row('victims_identified', { CITIZENSHIP: 'UZ' }, '', 'D', 'PERSONS'),
      row('victims_identified', { CITIZENSHIP: 'KZ' }, '', 'C', 'PERSONS'),
      row('victims_identified', { EXPLOITATION_FORM: 'LABOUR' }, '12', 'F', 'PERSONS'),
      row('criminal_proceedings_opened', {}, '4', 'F', 'CASES'),
      row('criminal_proceedings_opened', { ARTICLE: '128_3' }, '4', 'F', 'CASES'),
    ]);
  });

  it('names a grant period as SDMX allows: an id of its days, its first and last moment', () => {
    const message = toSdmxJson({ ...report, periodKind: 'RANGE', period: '2006-03-16..2008-03-16', periodStart: '2006-03-16', periodEnd: '2008-03-16' }, new Date('2026-04-05T10:00:00Z'));
    expect(sdmxDataMessageProblems(message)).toEqual([]);
    expect(message.data.structure.dimensions.observation.at(-1)!.values).toEqual([
      { id: '2006-03-16__2008-03-16', name: '2006-03-16..2008-03-16', start: '2006-03-16T00:00:00+05:00', end: '2008-03-16T23:59:59+05:00' },
    ]);
  });

  describe('for DHIS2', () => {
    const defaults = dhis2MappingSchema.parse({});

    it('write a data value set of the released cells, named by the default codes or the mapping file', () => {
      expect(toDhis2DataValueSet(report, defaults).dataValues).toEqual([
        { dataElement: 'VICTIMS_IDENTIFIED', period: '2026Q1', orgUnit: 'KZ', categoryOptionCombo: 'default', value: '12' },
        { dataElement: 'VICTIMS_IDENTIFIED', period: '2026Q1', orgUnit: 'KZ', categoryOptionCombo: 'EXPLOITATION_FORM_LABOUR', value: '12' },
        { dataElement: 'CRIMINAL_PROCEEDINGS_OPENED', period: '2026Q1', orgUnit: 'KZ', categoryOptionCombo: 'default', value: '4' },
        { dataElement: 'CRIMINAL_PROCEEDINGS_OPENED', period: '2026Q1', orgUnit: 'KZ', categoryOptionCombo: 'ARTICLE_128_3', value: '4' },
      ]);
      const mapped = dhis2MappingSchema.parse({
        dataElements: { victims_identified: 'vIdnt000001' },
        orgUnits: { KZ: 'kzCountry01' },
        categoryOptionCombos: { 'exploitation_form.LABOUR': 'cocLabour01' },
      });
      expect(toDhis2DataValueSet(report, mapped).dataValues[1]).toEqual({ dataElement: 'vIdnt000001', period: '2026Q1', orgUnit: 'kzCountry01', categoryOptionCombo: 'cocLabour01', value: '12' });
      // The withheld 9 and 3 are not there at all.
      expect(JSON.stringify(toDhis2DataValueSet(report, defaults))).not.toMatch(/"[39]"/);
    });

    it('write ADX valid against its schema, a grant period included, without the withheld cells', async () => {
      const adx = toAdx(report, defaults, new Date('2026-04-05T10:00:00Z'));
      expect(await adxProblems(adx)).toEqual([]);
      expect(adx).toContain('<group orgUnit="KZ" period="2026-01-01/P3M">');
      expect(adx).toContain('<dataValue dataElement="VICTIMS_IDENTIFIED" value="12" EXPLOITATION_FORM="LABOUR"/>');
      expect(adx).not.toMatch(/value="[39]"/);
      const grant = toAdx({ ...report, periodKind: 'RANGE', period: '2006-03-16..2008-03-16', periodStart: '2006-03-16', periodEnd: '2008-03-16' }, defaults, new Date());
      expect(await adxProblems(grant)).toEqual([]);
      expect(grant).toContain('period="2006-03-16/P732D"');
    });
  });
});
