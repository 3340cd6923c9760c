import { Client } from 'pg';
import { TOPICS } from '@qorgau/contracts';
import { adxProblems, eventually, readTopic, requiredEnv, sdmxDataMessageProblems, sdmxStructureMessageProblems } from '@qorgau/testing';
import { ApiClient } from '../demo/api-client';
import { runYearDemo, type DemoResult } from '../demo/year-demo';
import { LOCAL_PASSWORD, testPlatform } from './platform';

/** The demo the README points to, run as a test: a scripted year yields reports equal to its facts. */
describe('a scripted year of work in two regions', () => {
  const platform = testPlatform(16000);
  let api: ApiClient;
  let result: DemoResult;

  beforeAll(async () => {
    await platform.start();
    api = new ApiClient(platform.urls(), LOCAL_PASSWORD);
    result = await runYearDemo(api, { year: 2025, log: () => undefined });
  }, 300_000);
  afterAll(() => platform.stop());

  it('yields national quarterly 4P reports in which every figure equals the count of its facts, nationally and per region', () => {
    expect(result.quarters.map((q) => q.period)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    for (const quarter of result.quarters) expect({ period: quarter.period, differ: quarter.rows.filter((r) => r.expected !== r.reported) }).toEqual({ period: quarter.period, differ: [] });
    // The script did record something in every pillar.
    const q4 = result.quarters[3]!.rows.filter((r) => r.scope === 'KZ' && r.expected > 0).map((r) => r.pillar);
    expect(new Set([...result.quarters.flatMap((q) => q.rows.filter((r) => r.scope === 'KZ' && r.expected > 0).map((r) => r.pillar))])).toEqual(
      new Set(['PREVENTION', 'PROTECTION', 'PROSECUTION', 'PARTNERSHIP', 'OFFICIAL']),
    );
    expect(q4).toContain('OFFICIAL');
  });

  it('withholds in its exports every small count of people and the cells that would reveal one', async () => {
    const catalogue = await api.get<{ indicators: { code: string; countsPeople: boolean }[]; officialMeasures: { code: string; countsPeople: boolean }[] }>('hq-analyst', 'statistics', '/indicators');
    const people = new Set([...catalogue.indicators, ...catalogue.officialMeasures].filter((i) => i.countsPeople).map((i) => i.code));
    for (const quarter of result.quarters) {
      const rows = quarter.csv
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(','));
      // No published count of people is between 1 and 4.
      const small = rows.filter((r) => people.has(r[0]!) && r[9] === 'F' && Number(r[8]) > 0 && Number(r[8]) < 5);
      expect({ period: quarter.period, small }).toEqual({ period: quarter.period, small: [] });
    }
    // Q1: 2 young men at the university training in Astana are withheld, and so is the 20 women's figure,
    // which with the total of 22 would give them away.
    const q1 = result.quarters[0]!.csv.split('\r\n');
    const cell = (org: string, value: string) =>
      q1
        .find((l) => l.startsWith('training_participants,') && l.includes(`,${org},2025-Q1,sex,${value},`))!
        .split(',')
        .slice(-3);
    expect(cell('KZ-71', 'MALE')).toEqual(['', 'C', 'withheld: fewer people than the threshold (5)']);
    expect(cell('KZ-71', 'FEMALE')).toEqual(['', 'D', 'withheld: would reveal a withheld cell (5)']);
    expect(q1.some((l) => l.startsWith('training_participants,') && l.includes(',KZ-71,2025-Q1,,,22,F,'))).toBe(true);
    // The SDMX-JSON export carries no value for a withheld observation.
    const observations = Object.values(result.quarters[0]!.sdmx.data.dataSets[0]!.observations);
    expect(observations.filter(([value, status]) => status !== 0 && value !== null)).toEqual([]);
    expect(observations.filter(([, status]) => status === 1).length).toBeGreaterThan(0);
    // Every quarter's SDMX-JSON is a valid data message by the official 1.0 schema.
    expect(result.quarters.map((q) => ({ period: q.period, problems: sdmxDataMessageProblems(q.sdmx) }))).toEqual(result.quarters.map((q) => ({ period: q.period, problems: [] })));
    // The structure they name (DSD_4P) is a valid structure message, with their dimensions in their order.
    expect(sdmxStructureMessageProblems(result.structure)).toEqual([]);
    const dsd = (result.structure as { data: { dataStructures: { dataStructureComponents: { dimensionList: { dimensions: { id: string }[] } } }[] } }).data.dataStructures[0]!;
    const observed = (result.quarters[0]!.sdmx as unknown as { data: { structure: { dimensions: { observation: { id: string }[] } } } }).data.structure.dimensions.observation;
    expect(observed.map((d) => d.id)).toEqual([...dsd.dataStructureComponents.dimensionList.dimensions.map((d) => d.id), 'TIME_PERIOD']);
    // And its ADX, for partners on DHIS2: valid by the IHE schema, the withheld cells left out.
    for (const quarter of result.quarters) expect({ period: quarter.period, problems: await adxProblems(quarter.adx) }).toEqual({ period: quarter.period, problems: [] });
    expect(result.quarters[0]!.adx).toContain('<group orgUnit="KZ-71" period="2025-01-01/P3M">');
    // SDMX-CSV: the SDMX-JSON message's observations, one per row.
    for (const quarter of result.quarters) {
      const lines = quarter.sdmxCsv.trimEnd().split('\r\n');
      expect(lines[0]).toMatch(/^DATAFLOW,INDICATOR,REF_AREA,.*,TIME_PERIOD,OBS_VALUE,CONF_STATUS,UNIT_MEASURE$/);
      expect(lines.length - 1).toBe(Object.keys(quarter.sdmx.data.dataSets[0]!.observations).length);
    }
    expect(result.quarters[0]!.adx).not.toMatch(/dataElement="TRAINING_PARTICIPANTS" value="2" SEX="MALE"/);
  });

  it("shows legal's repatriation and psychology's completed rehabilitation in the case's history, without personal data", async () => {
    const view = await api.get<{ returnedMonth: string; reintegratedMonth: string; closedMonth: string; history: { month: string; step: string }[] }>(
      'regional-manager.kz-79',
      'projection',
      `/views/case-progress/${result.caseId}`,
    );
    expect(view).toMatchObject({ returnedMonth: '2025-08', reintegratedMonth: '2025-08', closedMonth: '2025-09' });
    expect(view.history.map((h) => h.step)).toEqual(
      expect.arrayContaining([
        'OPENED',
        'IDENTIFIED_BY_POLICE',
        'REFERRED_TO_LEGAL',
        'LEGAL_ASSISTANCE_OPENED',
        'LEGAL_DOCUMENTS_RESTORED',
        'REHABILITATION_STARTED',
        'REHABILITATION_COMPLETED',
        'REPATRIATED_TO_UZ_WITH_EMBASSY',
        'VERDICT_CONVICTION',
        'CLOSED_RETURNED_HOME',
      ]),
    );
    expect(JSON.stringify(view)).not.toContain('Demo Person');
  });

  it('opened a case in intake for every victim the raid identified', async () => {
    expect(result.raidCaseIds.length).toBeGreaterThan(0);
    for (const caseId of result.raidCaseIds) {
      expect(await api.get('hotline-operator.kz-79', 'intake', `/cases/${caseId}`)).toMatchObject({ identifiedBy: 'JOINT_RAID', citizenship: 'UZ', exploitationForm: 'LABOUR', region: 'KZ-79' });
    }
  });

  it('rebuilds every view from the topics equal to the live one: figures, case progress and history', async () => {
    const snapshot = async () => ({
      quarters: await Promise.all(
        ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].map(async (q) => (await api.get<{ metrics: unknown }>('hq-analyst', 'projection', `/views/national?quarter=${q}`)).metrics),
      ),
      progress: await api.get<{ funnel: unknown; cases: unknown }>('hq-analyst', 'projection', '/views/case-progress?year=2025'),
      regionalProgress: await api.get<{ funnel: unknown; cases: unknown }>('regional-manager.kz-79', 'projection', '/views/case-progress?year=2025'),
      history: await api.get('regional-manager.kz-79', 'projection', `/views/case-progress/${result.caseId}`),
    });
    const generation = async () => (await api.get<{ generation: number }>('administrator', 'projection', '/health/details')).generation;
    const live = await snapshot();
    const before = await generation();
    const output = await platform.rebuildProjection();
    expect(output).toContain(`generation ${before + 1} active`);
    // The live service follows the switch within its check interval, and serves the same from the new generation.
    await eventually(async () => expect(await generation()).toBe(before + 1), { timeoutMs: 30_000 });
    expect(await snapshot()).toEqual(live);
  });

  it('announces each submitted report, and keeps it as it was submitted', async () => {
    const submitted = (await readTopic(platform.kafka, TOPICS.statistics))
      .filter((m) => m.headers['qorgau-event-type'] === 'ReportSubmitted')
      .map((m) => (JSON.parse(m.value!) as { payload: { reportId: string } }).payload.reportId);
    expect(submitted).toEqual(expect.arrayContaining(result.quarters.map((q) => q.reportId)));
    const first = result.quarters[0]!.reportId;
    expect((await api.fetch('hq-analyst', 'statistics', `/reports/${first}/recompute`, { method: 'POST' })).status).toBe(409);
    expect((await api.fetch('hq-analyst', 'statistics', `/reports/${first}/approval`, { method: 'POST' })).status).toBe(409);
    // Not even the database lets a submitted report change.
    const db = new Client({ connectionString: requiredEnv('STATISTICS_DATABASE_URL') });
    await db.connect();
    try {
      await expect(db.query(`UPDATE report SET figures = '[]' WHERE id = $1`, [first])).rejects.toThrow(/submitted and cannot change/);
    } finally {
      await db.end();
    }
  });
});
