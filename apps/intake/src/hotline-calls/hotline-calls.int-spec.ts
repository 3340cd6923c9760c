import { TOPICS } from '@qorgau/contracts';
import { ABANDONED_CLAIM_SECONDS, requestFingerprint } from '@qorgau/service-kit';
import { aHotlineCall, eventually, testKafka, topicSize, waitForTopic } from '@qorgau/testing';
import type { IntakePrisma } from '../database/intake-prisma.service';
import { startIntake } from '../testing/intake-under-test';

describe('POST /hotline-calls against the real database and broker', () => {
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let url: string;
  let prisma: IntakePrisma;
  let operator: Record<string, string>;
  const kafka = testKafka('intake-int-spec');

  beforeAll(async () => {
    intake = await startIntake();
    ({ url, prisma } = intake);
    operator = await intake.issuer.as('HOTLINE_OPERATOR', 'KZ-79');
    // The app creates its topic in the background at start-up.
    await waitForTopic(kafka, TOPICS.intake);
  });
  afterAll(() => intake?.stop());

  const post = async (body: unknown, raw = false, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/hotline-calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...operator, ...headers },
      body: raw ? (body as string) : JSON.stringify(body),
    });
    return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as { id?: string; fields?: { field: string }[]; message?: string } };
  };

  const stored = async () => ({
    calls: await prisma.hotlineCall.count(),
    outbox: (await prisma.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox_event'))[0]!.n,
    published: await topicSize(kafka, TOPICS.intake),
  });

  it('stores a valid call and publishes it', async () => {
    const before = await stored();
    const response = await post(aHotlineCall().build());
    expect(response.status).toBe(201);
    await eventually(async () => expect(await stored()).toEqual({ calls: before.calls + 1, outbox: before.outbox + 1, published: before.published + 1 }));
  });

  describe('Idempotency-Key', () => {
    it('a retry with the same key answers the first response and records nothing new', async () => {
      const key = crypto.randomUUID();
      const call = aHotlineCall().build();
      const before = await stored();
      const first = await post(call, false, { 'Idempotency-Key': key });
      expect(first.status).toBe(201);
      const retry = await post(call, false, { 'Idempotency-Key': key });
      expect(retry).toEqual({ status: 201, replayed: 'true', body: first.body });
      await eventually(async () => expect(await stored()).toEqual({ calls: before.calls + 1, outbox: before.outbox + 1, published: before.published + 1 }));
    });

    it('the same key with another request is a 422, recording nothing', async () => {
      const key = crypto.randomUUID();
      expect((await post(aHotlineCall().build(), false, { 'Idempotency-Key': key })).status).toBe(201);
      const before = await stored();
      const other = await post(aHotlineCall().with({ callerCategory: 'VICTIM' }).build(), false, { 'Idempotency-Key': key });
      expect(other.status).toBe(422);
      expect(other.body.fields?.map((f) => f.field)).toEqual(['Idempotency-Key']);
      expect(await stored()).toEqual(before);
    });

    it('a refused request leaves its key free for the corrected retry', async () => {
      const key = crypto.randomUUID();
      expect((await post(aHotlineCall().without('channel').build(), false, { 'Idempotency-Key': key })).status).toBe(400);
      expect((await post(aHotlineCall().build(), false, { 'Idempotency-Key': key })).status).toBe(201);
    });

    it('concurrent retries with one key record once', async () => {
      const key = crypto.randomUUID();
      const call = aHotlineCall().build();
      const before = await stored();
      const answers = await Promise.all([1, 2, 3, 4].map(() => post(call, false, { 'Idempotency-Key': key })));
      expect(answers.filter((a) => a.status === 201)).not.toHaveLength(0);
      expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
      expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id)).size).toBe(1);
      await eventually(async () => expect((await stored()).calls).toBe(before.calls + 1));
    });

    it('a claim left by a request that died before storing anything holds its key only so long: then a retry records once', async () => {
      const known = crypto.randomUUID();
      expect((await post(aHotlineCall().build(), false, { 'Idempotency-Key': known })).status).toBe(201);
      const call = aHotlineCall().build();
      // As a process killed mid-request leaves it: the key claimed, no answer, nothing stored.
      const claim = (key: string, age: string) =>
        prisma.$executeRawUnsafe(
          `INSERT INTO idempotent_request (subject, key, fingerprint, created_at) SELECT subject, $2, $3, now() - $4::interval FROM idempotent_request WHERE key = $1`,
          known,
          key,
          requestFingerprint('POST', '/hotline-calls', call),
          age,
        );
      const recent = crypto.randomUUID();
      await claim(recent, '1 second');
      expect((await post(call, false, { 'Idempotency-Key': recent })).status).toBe(409);
      const abandoned = crypto.randomUUID();
      await claim(abandoned, `${ABANDONED_CLAIM_SECONDS + 1} seconds`);
      const before = await stored();
      const retry = await post(call, false, { 'Idempotency-Key': abandoned });
      expect(retry.status).toBe(201);
      expect(await post(call, false, { 'Idempotency-Key': abandoned })).toEqual({ status: 201, replayed: 'true', body: retry.body });
      await eventually(async () => expect((await stored()).calls).toBe(before.calls + 1));
    });

    it('refuses a malformed key with 400 naming the header', async () => {
      const response = await post(aHotlineCall().build(), false, { 'Idempotency-Key': 'x'.repeat(256) });
      expect(response.status).toBe(400);
      expect(response.body.fields?.map((f) => f.field)).toEqual(['Idempotency-Key']);
    });
  });

  const badInputs: [string, unknown, string[]][] = [
    ['a missing required field', aHotlineCall().without('channel').build(), ['channel']],
    ['missing fields', aHotlineCall().without('region').without('callerCategory').build(), ['region', 'callerCategory']],
    ['an unknown enum value', aHotlineCall().with({ callerSex: 'X' }).build(), ['callerSex']],
    [
      'an unknown topic in a list',
      aHotlineCall()
        .with({ topics: ['EMPLOYMENT_ABROAD', 'ALIENS'] })
        .build(),
      ['topics.1'],
    ],
    ['a wrong type', aHotlineCall().with({ anonymous: 'yes' }).build(), ['anonymous']],
    ['a number where a list belongs', aHotlineCall().with({ referrals: 3 }).build(), ['referrals']],
    [
      'an oversized string',
      aHotlineCall()
        .with({ anonymous: false, notes: 'x'.repeat(4001) })
        .build(),
      ['notes'],
    ],
    ['an unknown region', aHotlineCall().with({ region: 'KZ-99' }).build(), ['region']],
    ['an unknown field', aHotlineCall().with({ passportNumber: 'N123' }).build(), ['passportNumber']],
    ['a malformed date', aHotlineCall().with({ receivedAt: 'yesterday' }).build(), ['receivedAt']],
    ['a call in the future', aHotlineCall().with({ receivedAt: '2999-01-01T00:00:00Z' }).build(), ['receivedAt']],
    ['a name on an anonymous call', aHotlineCall().with({ callerName: 'Aigerim' }).build(), ['callerName']],
    ['a country that does not exist', aHotlineCall().with({ destinationCountry: 'XY' }).build(), ['destinationCountry']],
    ['a body that is not an object', [1, 2, 3], ['(body)']],
  ];

  it.each(badInputs)('refuses %s with 400 naming the field, storing and publishing nothing', async (_, body, fields) => {
    const before = await stored();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.body.fields?.map((f) => f.field)).toEqual(expect.arrayContaining(fields));
    expect(await stored()).toEqual(before);
  });

  it('refuses a body that is not JSON without quoting it back', async () => {
    const before = await stored();
    const response = await post('{"callerName": "Aigerim", oops', true);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toContain('Aigerim');
    expect(await stored()).toEqual(before);
  });

  it('refuses a body over the size limit with 413', async () => {
    const before = await stored();
    const response = await post(
      aHotlineCall()
        .with({ notes: 'x'.repeat(40_000) })
        .build(),
    );
    expect(response.status).toBe(413);
    expect(await stored()).toEqual(before);
  });
});
