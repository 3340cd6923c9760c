import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { aHotlineCall, eventually, readTopic, repoRoot } from '@qorgau/testing';
import { getJson, postJson, testPlatform, type Figures } from './platform';

/** Personal values that must never leave the service that holds them (intake, legal, psychology, social), and a shelter's address. */
const SECRETS = [
  'Aigerim Seitkali',
  '+7 701 555 12 34',
  'Abay street 17',
  'Dilnoza Karimova',
  '+998 90 123 45 67',
  'N1234567',
  'Ibragim',
  'Zhanna Tulegenova',
  '+7 777 000 11 22',
  'nightmares about the boat',
  'Zheltoksan lane 4',
  'hepatitis B',
  'lives with her aunt in Turkestan',
];

describe('nothing personal leaves the service that holds it', () => {
  const platform = testPlatform(15000);

  beforeAll(() => platform.start());
  afterAll(() => platform.stop());

  it('keeps seeded names, numbers and notes out of every topic, every log and every figure served', async () => {
    const operator = await platform.as('hotline-operator.kz-79');
    const analyst = await platform.as('hq-analyst');
    const call = await postJson(
      `${platform.intake.url}/hotline-calls`,
      aHotlineCall().inMonth('2019-09').withCaller('Aigerim Seitkali', '+7 701 555 12 34').with({ notes: 'Lives at Abay street 17, worried about her sister' }).build(),
      operator,
    );
    expect(call.status).toBe(201);
    const opened = await postJson(
      `${platform.intake.url}/cases`,
      {
        region: 'KZ-79',
        openedAt: '2019-09-10T10:00:00Z',
        subjectSex: 'FEMALE',
        subjectAgeBand: 'AGE_18_24',
        citizenship: 'UZ',
        exploitationForm: 'SEXUAL',
        scope: 'CROSS_BORDER',
        subjectName: 'Dilnoza Karimova',
        subjectPhone: '+998 90 123 45 67',
        notes: 'Brother Ibragim called',
      },
      operator,
    );
    expect(opened.status).toBe(201);
    const referral = await postJson(
      `${platform.intake.url}/cases/${opened.body['id'] as string}/referrals`,
      { destination: 'LEGAL', referredAt: '2019-09-12T10:00:00Z', note: 'passport N1234567 held by employer' },
      operator,
    );
    expect(referral.status).toBe(201);
    // A lawyer's and a psychologist's clients, and what they said.
    const lawyer = await platform.as('lawyer.kz-79');
    const caseInLegal = `${platform.legal.url}/case-assistance/${opened.body['id'] as string}`;
    await eventually(async () => expect((await fetch(caseInLegal, { headers: lawyer })).status).toBe(200));
    expect((await postJson(`${caseInLegal}/actions`, { kind: 'LEGAL_REPRESENTATION', at: '2019-09-13T10:00:00Z', note: 'Employer in Dubai holds passport N1234567' }, lawyer)).status).toBe(201);
    const psychologist = await platform.as('psychologist.kz-79');
    const consultation = {
      region: 'KZ-79',
      givenAt: '2019-09-11T10:00:00Z',
      clientType: 'VICTIM',
      clientSex: 'FEMALE',
      clientAgeBand: 'AGE_25_34',
      clientName: 'Zhanna Tulegenova',
      clientContact: '+7 777 000 11 22',
    };
    expect((await postJson(`${platform.legal.url}/consultations`, { ...consultation, topics: ['DOCUMENTS'], outcome: 'ADVICE_GIVEN', notes: 'Employer holds passport N1234567' }, lawyer)).status).toBe(
      201,
    );
    const talked = await postJson(
      `${platform.psychology.url}/consultations`,
      { ...consultation, format: 'IN_PERSON', presentingIssues: ['TRAUMA'], anonymous: false, notes: 'Speaks of nightmares about the boat' },
      psychologist,
    );
    expect(talked.status).toBe(201);
    // Psychological notes are for psychologists: the lawyer of the same office is refused.
    expect((await fetch(`${platform.psychology.url}/consultations/${talked.body['id'] as string}`, { headers: lawyer })).status).toBe(403);
    expect((await getJson<{ notes: string }>(`${platform.psychology.url}/consultations/${talked.body['id'] as string}`, psychologist)).notes).toBe('Speaks of nightmares about the boat');
    // A shelter's address is for its regional manager only; a resident's medical details and exit plan stay in social services.
    const manager = await platform.as('regional-manager.kz-79');
    const socialWorker = await platform.as('social-worker.kz-79');
    const shelter = await postJson(`${platform.social.url}/shelters`, { region: 'KZ-79', name: 'Umit', capacity: 6, funding: ['DONOR_GRANT'], address: 'Zheltoksan lane 4, Shymkent' }, manager);
    expect(shelter.status).toBe(201);
    const sheltered = await postJson(
      `${platform.intake.url}/cases`,
      {
        region: 'KZ-79',
        openedAt: '2019-09-14T10:00:00Z',
        subjectSex: 'FEMALE',
        subjectAgeBand: 'AGE_18_24',
        citizenship: 'KZ',
        exploitationForm: 'LABOUR',
        scope: 'DOMESTIC',
        consent: { services: true, externalReferral: true, reporting: false },
      },
      operator,
    );
    const shelteredId = sheltered.body['id'] as string;
    expect((await postJson(`${platform.intake.url}/cases/${shelteredId}/referrals`, { destination: 'SHELTER', referredAt: '2019-09-14T11:00:00Z' }, operator)).status).toBe(201);
    const stay = `${platform.social.url}/stays/${shelteredId}`;
    await eventually(async () => expect((await fetch(stay, { headers: socialWorker })).status).toBe(200));
    expect((await postJson(`${stay}/admission`, { shelterId: shelter.body['id'], admittedAt: '2019-09-14T12:00:00Z' }, socialWorker)).status).toBe(201);
    expect((await postJson(`${stay}/assistance`, { kind: 'MEDICAL_CARE', givenAt: '2019-09-15T10:00:00Z', details: 'Treated for hepatitis B' }, socialWorker)).status).toBe(201);
    expect(
      (
        await postJson(
          `${stay}/discharge`,
          { dischargedAt: '2019-09-29T10:00:00Z', exit: 'REUNITED_WITH_FAMILY', aftercareUntil: '2019-12-31', notes: 'Now lives with her aunt in Turkestan' },
          socialWorker,
        )
      ).status,
    ).toBe(201);
    const boardForWorker = await getJson<{ shelters: { address: string | null }[] }>(`${platform.social.url}/shelters?region=KZ-79`, socialWorker);
    expect(boardForWorker.shelters.length).toBeGreaterThan(0);
    expect(boardForWorker.shelters.filter((s) => s.address !== null)).toEqual([]);
    expect((await getJson<{ shelters: { address: string | null }[] }>(`${platform.social.url}/shelters?region=KZ-79`, manager)).shelters.map((s) => s.address)).toContain(
      'Zheltoksan lane 4, Shymkent',
    );
    const staysForWorker = await getJson<unknown>(`${platform.social.url}/stays?region=KZ-79`, socialWorker);
    // Bad input that quotes a personal value must not echo it either.
    const refused = await postJson(`${platform.intake.url}/hotline-calls`, aHotlineCall().with({ callerName: 'Aigerim Seitkali', callerSex: 'Aigerim Seitkali' }).build(), operator);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('callerSex');
    expect(JSON.stringify(refused.body)).not.toContain('Aigerim');

    const figures = await eventually(async () => {
      const view = await getJson<Figures>(`${platform.projection.url}/views/national?month=2019-09`, analyst);
      expect(view.metrics['referrals']!.total).toBe(2);
      expect(view.metrics['legal_consultations']!.total).toBe(1);
      expect(view.metrics['psychological_consultations']!.total).toBe(1);
      expect(view.metrics['legal_assistance']!.total).toBe(1);
      expect(view.metrics['victims_sheltered']!.total).toBe(1);
      expect(view.metrics['shelter_bed_nights']!.total).toBe(15);
      return view;
    });
    const region = await getJson<Figures>(`${platform.projection.url}/views/regions/KZ-79?month=2019-09`, analyst);
    const report = await postJson(`${platform.statistics.url}/reports`, { scope: 'KZ-79', periodKind: 'MONTH', period: '2019-09' }, analyst);
    expect(report.status).toBe(201);

    const admin = platform.kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
    await admin.disconnect();
    expect(topics.length).toBeGreaterThan(0);
    const published: string[] = [];
    for (const topic of topics) for (const m of await readTopic(platform.kafka, topic)) published.push(`${m.key} ${m.value} ${JSON.stringify(m.headers)}`);
    expect(published.join('\n')).toContain(opened.body['id'] as string);

    const logDir = path.join(repoRoot, '.cache', 'test-logs');
    const logs = readdirSync(logDir).map((file) => readFileSync(path.join(logDir, file), 'utf8'));
    // The scan means something only if the logs hold the requests themselves, the refused one included.
    expect(logs.join('\n')).toMatch(/POST \/hotline-calls 400 /);
    expect(logs.join('\n')).toMatch(/POST \/consultations 201 /);

    const places: Record<string, string> = {
      'Kafka topics': published.join('\n'),
      'service logs': logs.join('\n'),
      'projection responses': JSON.stringify([figures, region]),
      'statistics reports': JSON.stringify(report.body),
      'social responses to a social worker': JSON.stringify([boardForWorker, staysForWorker]),
    };
    const hits = Object.entries(places).flatMap(([place, text]) => SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${place}`));
    expect(hits).toEqual([]);

    // Erasure: the person's fields are gone from every API, the figures are unchanged.
    const caseId = opened.body['id'] as string;
    expect((await postJson(`${platform.intake.url}/cases/${caseId}/erasure`, {}, manager)).status).toBe(200);
    expect((await postJson(`${platform.intake.url}/hotline-calls/${call.body['id'] as string}/erasure`, {}, manager)).status).toBe(200);
    const readCase = await getJson<Record<string, unknown>>(`${platform.intake.url}/cases/${caseId}`, operator);
    const readCall = await getJson<Record<string, unknown>>(`${platform.intake.url}/hotline-calls/${call.body['id'] as string}`, operator);
    expect(SECRETS.filter((secret) => JSON.stringify([readCase, readCall]).includes(secret))).toEqual([]);
    expect(readCase['personalDataErased']).toBe(true);
    expect(readCall['personalDataErased']).toBe(true);
    // Legal hears of the erasure and shreds its own notes on the case.
    await eventually(async () => expect((await getJson<{ actions: { note: string | null }[] }>(caseInLegal, lawyer)).actions).toEqual([expect.objectContaining({ note: null })]));
    const figuresAfter = await getJson<Figures>(`${platform.projection.url}/views/national?month=2019-09`, analyst);
    expect(figuresAfter.metrics).toEqual(figures.metrics);
  });
});
