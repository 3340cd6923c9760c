import { randomUUID } from 'node:crypto';
import { deadLetterTopic, TOPICS } from '@qorgau/contracts';
import { aHotlineCall, aHotlineCallLoggedEvent, eventually, publishRaw, readTopic } from '@qorgau/testing';
import { getJson, postJson, testPlatform, type Figures } from './platform';

// Every test counts in a month of its own, so tests never see each other's events.
const MONTH = {
  live: '2019-01',
  duplicate: '2019-02',
  deadLetter: '2019-03',
  outage: '2019-04',
  traced: '2019-05',
  caseFlow: '2019-06',
} as const;

describe('the event pipeline, from a hotline call to the national view', () => {
  const platform = testPlatform();
  let operator: Record<string, string>;
  let analyst: Record<string, string>;
  const national = (month: string) => getJson<Figures>(`${platform.projection.url}/views/national?month=${month}`, analyst);
  const calls = async (month: string) => (await national(month)).metrics['hotline_calls']!;
  const logCall = (body: unknown) => postJson(`${platform.intake.url}/hotline-calls`, body, operator);

  beforeAll(async () => {
    await platform.start();
    operator = await platform.as('hotline-operator.kz-79');
    analyst = await platform.as('hq-analyst');
  });
  afterAll(() => platform.stop());

  it('shows a call posted to intake in the national view', async () => {
    const posted = await logCall(aHotlineCall().inMonth(MONTH.live).by('FEMALE', 'RELATIVE_CONCERNED_ABOUT_SOMEONE').referredTo('LEGAL').build());
    expect(posted.status).toBe(201);

    const started = Date.now();
    const figures = await eventually(async () => {
      const view = await national(MONTH.live);
      expect(view.metrics['hotline_calls']!.total).toBe(1);
      return view;
    });
    console.log(`call visible in the national view after ${Date.now() - started} ms`);

    const hotline = figures.metrics['hotline_calls']!;
    expect(hotline.breakdowns['caller_sex']).toEqual([{ value: 'FEMALE', count: 1, share: 1 }]);
    expect(hotline.breakdowns['caller_category']).toEqual([{ value: 'RELATIVE_CONCERNED_ABOUT_SOMEONE', count: 1, share: 1 }]);
    expect(figures.metrics['referrals']!.breakdowns['destination']).toEqual([{ value: 'LEGAL', count: 1, share: 1 }]);
    const region = await getJson<Figures>(`${platform.projection.url}/views/regions/KZ-79?month=${MONTH.live}`, await platform.as('regional-manager.kz-79'));
    expect(region.metrics['hotline_calls']!.total).toBe(1);
  });

  it('carries the trace of the HTTP request into the event on Kafka', async () => {
    const traceId = randomUUID().replaceAll('-', '');
    const response = await fetch(`${platform.intake.url}/hotline-calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${'1'.repeat(16)}-01`, ...operator },
      body: JSON.stringify(aHotlineCall().inMonth(MONTH.traced).build()),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const published = await eventually(async () => {
      const message = (await readTopic(platform.kafka, TOPICS.intake)).find((m) => m.value?.includes(id));
      expect(message).toBeDefined();
      return message!;
    });
    expect(published.headers['traceparent']).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  });

  it('counts an event delivered twice once', async () => {
    const event = aHotlineCallLoggedEvent({ month: MONTH.duplicate });
    const marker = aHotlineCallLoggedEvent({ month: MONTH.duplicate, callerSex: 'MALE' });
    const message = (e: typeof event) => ({ key: event.key, value: e.value, headers: e.headers });
    // Same key, so one partition: once the marker is counted, both copies were read before it.
    await publishRaw(platform.kafka, TOPICS.intake, [message(event), message(event), message(marker)]);

    await eventually(async () => expect((await calls(MONTH.duplicate)).breakdowns['caller_sex']).toContainEqual(expect.objectContaining({ value: 'MALE', count: 1 })));
    expect((await calls(MONTH.duplicate)).total).toBe(2);

    // Again in a later batch, after the projection restarted: no in-memory set remembers it now, only what it stored.
    await platform.projection.stop();
    await platform.projection.start();
    const secondMarker = aHotlineCallLoggedEvent({ month: MONTH.duplicate, callerAgeBand: 'AGE_60_PLUS' });
    await publishRaw(platform.kafka, TOPICS.intake, [message(event)]);
    await publishRaw(platform.kafka, TOPICS.intake, [message(secondMarker)]);
    await eventually(async () => expect((await calls(MONTH.duplicate)).breakdowns['caller_age_band']).toContainEqual(expect.objectContaining({ value: 'AGE_60_PLUS', count: 1 })));
    expect((await calls(MONTH.duplicate)).total).toBe(3);
  });

  it('sends a malformed event and an unknown schema version to the dead-letter topic, and applies the next good event', async () => {
    const key = randomUUID();
    const good = aHotlineCallLoggedEvent({ month: MONTH.deadLetter });
    const futureVersion = JSON.stringify({ ...JSON.parse(good.value), id: randomUUID(), schemaVersion: 99 });
    await publishRaw(platform.kafka, TOPICS.intake, [
      { key, value: '{"this is": not json' },
      { key, value: futureVersion },
      { key, value: good.value, headers: good.headers },
    ]);

    await eventually(async () => expect((await calls(MONTH.deadLetter)).total).toBe(1));
    const dead = await eventually(async () => {
      // Every consumer of the topic (the projection, legal, psychology) dead-letters what it cannot read; the header says which.
      const messages = (await readTopic(platform.kafka, deadLetterTopic(TOPICS.intake))).filter((m) => m.key === key && m.headers['qorgau-dlq-consumer']?.startsWith('qorgau-projection-e2e'));
      expect(messages).toHaveLength(2);
      return messages;
    });
    const reasons = dead.map((m) => m.headers['qorgau-dlq-reason']);
    expect(reasons).toContain('message is not valid JSON');
    expect(reasons).toContainEqual(expect.stringContaining('unknown schema version 99 of HotlineCallLogged'));
    expect(dead.every((m) => m.headers['qorgau-dlq-original-topic'] === TOPICS.intake)).toBe(true);
    expect(dead.map((m) => m.value)).toContain('{"this is": not json');
  });

  it('keeps logging calls while Kafka is down and delivers each of them once when it is back', async () => {
    await platform.kafkaBroker('stop');
    try {
      for (let i = 0; i < 5; i++) {
        const posted = await logCall(aHotlineCall().inMonth(MONTH.outage).build());
        expect(posted.status).toBe(201);
      }
      const health = await getJson<{ outboxPending: number }>(`${platform.intake.url}/health/details`, await platform.as('administrator'));
      expect(health.outboxPending).toBeGreaterThanOrEqual(5);
    } finally {
      await platform.kafkaBroker('start');
    }

    await eventually(async () => expect((await calls(MONTH.outage)).total).toBe(5), { timeoutMs: 120_000 });
    await eventually(async () => expect((await getJson<{ outboxPending: number }>(`${platform.intake.url}/health/details`, await platform.as('administrator'))).outboxPending).toBe(0));
    // A batch whose delivery was in doubt may have been re-sent: still counted once.
    expect((await calls(MONTH.outage)).total).toBe(5);
  });

  it("follows a case's progress from identification through assistance to its return home, without personal data", async () => {
    const at = (day: string) => `${MONTH.caseFlow}-${day}T09:00:00Z`;
    const opened = await postJson(
      `${platform.intake.url}/cases`,
      {
        region: 'KZ-79',
        openedAt: at('03'),
        subjectSex: 'FEMALE',
        subjectAgeBand: 'AGE_25_34',
        citizenship: 'UZ',
        exploitationForm: 'LABOUR',
        scope: 'CROSS_BORDER',
        identifiedBy: 'POLICE',
        subjectName: 'Malika T.',
      },
      operator,
    );
    const id = opened.body['id'] as string;
    expect((await postJson(`${platform.intake.url}/cases/${id}/referrals`, { destination: 'LEGAL', referredAt: at('05') }, operator)).status).toBe(201);
    expect((await postJson(`${platform.intake.url}/cases/${id}/closure`, { reason: 'RETURNED_HOME', closedAt: at('20') }, operator)).status).toBe(201);

    // The region's manager sees the funnel at once; the case's row only once the victim consents to case-level reporting.
    const manager79 = await platform.as('regional-manager.kz-79');
    const regional = () => getJson<{ funnel: Record<string, number | null>; cases: Record<string, unknown>[] }>(`${platform.projection.url}/views/case-progress?month=${MONTH.caseFlow}`, manager79);
    await eventually(async () => expect((await regional()).funnel).toEqual({ opened: 1, identified: 1, assisted: 1, closed: 1, returnedHome: 1, reintegrated: 0 }));
    expect((await regional()).cases).toEqual([]);
    expect((await fetch(`${platform.projection.url}/views/case-progress/${id}`, { headers: manager79 })).status).toBe(404);
    const consent = (reporting: boolean) => postJson(`${platform.intake.url}/cases/${id}/consent`, { services: true, externalReferral: false, reporting }, operator);
    expect((await consent(true)).status).toBe(409); // a closed case is final: its consent cannot change
  });

  it('shows a case row only to its own region, only with the victim’s consent to case-level reporting, and HQ the funnel with small counts withheld', async () => {
    const at = (day: string) => `${MONTH.caseFlow}-${day}T09:00:00Z`;
    const opened = await postJson(
      `${platform.intake.url}/cases`,
      {
        region: 'KZ-79',
        openedAt: at('04'),
        subjectSex: 'FEMALE',
        subjectAgeBand: 'AGE_25_34',
        citizenship: 'UZ',
        exploitationForm: 'LABOUR',
        scope: 'CROSS_BORDER',
        identifiedBy: 'POLICE',
        subjectName: 'Malika T.',
      },
      operator,
    );
    const id = opened.body['id'] as string;
    expect((await postJson(`${platform.intake.url}/cases/${id}/referrals`, { destination: 'LEGAL', referredAt: at('05') }, operator)).status).toBe(201);
    const manager79 = await platform.as('regional-manager.kz-79');
    const rowsOf = async (who: Record<string, string>) =>
      (await getJson<{ cases: { caseId: string }[] }>(`${platform.projection.url}/views/case-progress?month=${MONTH.caseFlow}`, who)).cases.map((c) => c.caseId);
    const consent = async (reporting: boolean) =>
      expect((await postJson(`${platform.intake.url}/cases/${id}/consent`, { services: true, externalReferral: false, reporting }, operator)).status).toBe(201);

    await consent(true);
    await eventually(async () => expect(await rowsOf(manager79)).toContain(id));
    const progress = await getJson<{ cases: Record<string, unknown>[] }>(`${platform.projection.url}/views/case-progress?month=${MONTH.caseFlow}`, manager79);
    expect(progress.cases.find((c) => c['caseId'] === id)).toEqual({
      caseId: id,
      region: 'KZ-79',
      openedMonth: MONTH.caseFlow,
      identifiedMonth: MONTH.caseFlow,
      assistedMonth: MONTH.caseFlow,
      returnedMonth: null,
      reintegratedMonth: null,
      closedMonth: null,
      outcome: null,
    });
    expect(JSON.stringify(progress)).not.toContain('Malika');
    expect((await fetch(`${platform.projection.url}/views/case-progress/${id}`, { headers: manager79 })).status).toBe(200);

    // HQ: the funnel only; two cases opened in the month are a small count, withheld.
    const hq = await getJson<{ funnel: Record<string, number | null>; cases: unknown[] }>(`${platform.projection.url}/views/case-progress?month=${MONTH.caseFlow}`, analyst);
    expect(hq).toMatchObject({ cases: [], funnel: { opened: null, identified: null, assisted: null, reintegrated: 0 } });
    expect((await fetch(`${platform.projection.url}/views/case-progress/${id}`, { headers: analyst })).status).toBe(403);
    // Another region's manager sees nothing of it.
    expect(await rowsOf(await platform.as('regional-manager.kz-71'))).toEqual([]);

    // Withdrawn consent removes the row again.
    await consent(false);
    await eventually(async () => expect(await rowsOf(manager79)).not.toContain(id));
    expect((await fetch(`${platform.projection.url}/views/case-progress/${id}`, { headers: manager79 })).status).toBe(404);
  });

  it('rebuilds the views from the start of the topics with the same figures as live processing', async () => {
    const everything = () => getJson<Figures>(`${platform.projection.url}/views/national?from=2000-01&to=2099-12`, analyst);
    const allProgress = () => getJson<unknown>(`${platform.projection.url}/views/case-progress?from=2000-01&to=2099-12`, analyst);
    const before = await everything();
    const progressBefore = await allProgress();
    expect(before.metrics['hotline_calls']!.total).toBeGreaterThanOrEqual(9);

    const output = await platform.rebuildProjection();
    expect(output).toMatch(/generation \d+ active: \d+ events replayed/);
    console.log(`rebuild: ${output.trim()}`);

    const after = await eventually(async () => {
      const view = await everything();
      expect(view.generation).toBeGreaterThan(before.generation);
      return view;
    });
    expect(after.metrics).toEqual(before.metrics);
    expect(await allProgress()).toEqual(progressBefore);

    // The live service follows the new generation: a call logged now is counted in it.
    await logCall(aHotlineCall().inMonth(MONTH.live).build());
    await eventually(async () => expect((await calls(MONTH.live)).total).toBe(2));
  });

  it('adds months up into quarters and years', async () => {
    const total = async (query: string) => (await getJson<Figures>(`${platform.projection.url}/views/national?${query}`, analyst)).metrics['hotline_calls']!.total;
    const months = (await total('month=2019-01')) + (await total('month=2019-02')) + (await total('month=2019-03'));
    expect(months).toBeGreaterThan(0);
    expect(await total('quarter=2019-Q1')).toBe(months);
    expect(await total('year=2019')).toBe(months + (await total('quarter=2019-Q2')) + (await total('quarter=2019-Q3')) + (await total('quarter=2019-Q4')));
    const refused = await fetch(`${platform.projection.url}/views/national?quarter=2019-Q5`, { headers: analyst });
    expect(refused.status).toBe(400);
  });
});
