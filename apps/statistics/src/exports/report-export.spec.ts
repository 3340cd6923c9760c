import { csvField, toCsv, toSdmxJson, type ExportedReport } from './report-export';

const report: ExportedReport = {
  id: '7d3c8f0e-1b2a-4c5d-8e9f-0a1b2c3d4e5f',
  scope: 'KZ',
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
  ],
  indicators: new Map([
    ['victims_identified', { code: 'victims_identified', pillar: 'PROTECTION', title: 'Victims identified, "all forms"', unit: 'PERSONS', breakdownLabels: { citizenship: 'Citizenship' } }],
  ]),
};

describe('report exports', () => {
  it('write CSV with withheld cells empty and marked, quoting what needs quoting', () => {
    const lines = toCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe('indicator_code,pillar,indicator,unit,org_unit,period,breakdown,breakdown_value,value,confidentiality,note');
    expect(lines[1]).toBe('victims_identified,PROTECTION,"Victims identified, ""all forms""",PERSONS,KZ,2026-Q1,,,12,F,');
    expect(lines[3]).toBe('victims_identified,PROTECTION,"Victims identified, ""all forms""",PERSONS,KZ,2026-Q1,citizenship,KZ,,C,withheld: fewer people than the threshold (5)');
  });

  it('write an SDMX-JSON data message whose withheld observations carry no value', () => {
    const message = toSdmxJson(report, new Date('2026-04-05T10:00:00Z'));
    const dimensions = message.data.structure.dimensions.observation;
    expect(dimensions.map((d) => [d.id, d.keyPosition])).toEqual([
      ['INDICATOR', 0],
      ['REF_AREA', 1],
      ['BREAKDOWN', 2],
      ['TIME_PERIOD', 3],
    ]);
    expect(dimensions[2]!.values.map((v) => v.id)).toEqual(['_T', 'CITIZENSHIP__UZ', 'CITIZENSHIP__KZ']);
    const observations = message.data.dataSets[0]!.observations;
    expect(observations['0:0:0:0']).toEqual([12, 0, 0]);
    expect(observations['0:0:2:0']).toEqual([null, 1, 0]);
    expect(observations['0:0:1:0']).toEqual([null, 2, 0]);
    expect(JSON.stringify(message)).not.toContain('"9"');
    expect(JSON.stringify(Object.values(observations))).not.toMatch(/\b[39]\b/);
  });
});

describe('csvField', () => {
  it('neutralises text a spreadsheet would run as a formula, and leaves numbers and plain text alone', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+7 701')).toBe("'+7 701");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('-5')).toBe('-5');
    expect(csvField('12')).toBe('12');
    expect(csvField('Hotline calls received')).toBe('Hotline calls received');
  });
});
