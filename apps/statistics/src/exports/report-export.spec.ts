import { adxProblems, sdmxDataMessageProblems } from '@qorgau/testing';
import { dhis2MappingSchema, toAdx, toDhis2DataValueSet } from './dhis2-export';
import { toCsv, toSdmxCsv, toSdmxJson, type ExportedReport, type IndicatorLabel } from './report-export';

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

  it('write an SDMX-JSON 1.0 data message valid against the official schema, one dimension per breakdown, withheld observations without a value', () => {
    const message = toSdmxJson(report, new Date('2026-04-05T10:00:00Z'));
    expect(sdmxDataMessageProblems(message)).toEqual([]);
    const dimensions = message.data.structure.dimensions.observation;
    expect(dimensions.map((d) => [d.id, d.keyPosition])).toEqual([
      ['INDICATOR', 0],
      ['REF_AREA', 1],
      ['CITIZENSHIP', 2],
      ['EXPLOITATION_FORM', 3],
      ['ARTICLE', 4],
      ['TIME_PERIOD', 5],
    ]);
    expect(dimensions[2]!.values.map((v) => v.id)).toEqual(['_T', 'UZ', 'KZ']);
    expect(dimensions[4]!.values).toEqual([
      { id: '_T', name: 'Total' },
      { id: '128_3', name: '128.3' },
    ]);
    expect(dimensions[5]!.values).toEqual([{ id: '2026-Q1', name: '2026-Q1', start: '2026-01-01T00:00:00+05:00', end: '2026-03-31T23:59:59+05:00' }]);
    const observations = message.data.dataSets[0]!.observations;
    expect(observations['0:0:0:0:0:0']).toEqual([12, 0, 0]);
    expect(observations['0:0:2:0:0:0']).toEqual([null, 1, 0]);
    expect(observations['0:0:1:0:0:0']).toEqual([null, 2, 0]);
    expect(observations['0:0:0:1:0:0']).toEqual([12, 0, 0]);
    expect(observations['1:0:0:0:1:0']).toEqual([4, 0, 1]);
    expect(JSON.stringify(Object.values(observations))).not.toMatch(/\b[39]\b/);
  });

  it('write SDMX-CSV with the SDMX-JSON message’s dimensions, one observation per row, withheld ones without a value', () => {
    const lines = toSdmxCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe('DATAFLOW,INDICATOR,REF_AREA,CITIZENSHIP,EXPLOITATION_FORM,ARTICLE,TIME_PERIOD,OBS_VALUE,CONF_STATUS,UNIT_MEASURE');
    expect(lines.slice(1)).toEqual([
      'QORGAU:DF_4P(1.0),victims_identified,KZ,_T,_T,_T,2026-Q1,12,F,PERSONS',
      'QORGAU:DF_4P(1.0),victims_identified,KZ,UZ,_T,_T,2026-Q1,,D,PERSONS',
      'QORGAU:DF_4P(1.0),victims_identified,KZ,KZ,_T,_T,2026-Q1,,C,PERSONS',
      'QORGAU:DF_4P(1.0),victims_identified,KZ,_T,LABOUR,_T,2026-Q1,12,F,PERSONS',
      'QORGAU:DF_4P(1.0),criminal_proceedings_opened,KZ,_T,_T,_T,2026-Q1,4,F,CASES',
      'QORGAU:DF_4P(1.0),criminal_proceedings_opened,KZ,_T,_T,128_3,2026-Q1,4,F,CASES',
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
