import { Kafka, logLevel } from 'kafkajs';
import { TOPICS } from '@qorgau/contracts';
import { aHotlineCall, eventually, requiredEnv, topicSize, waitForTopic } from '@qorgau/testing';
import type { IntakePrisma } from '../database/intake-prisma.service';
import { startIntake } from '../testing/intake-under-test';

describe('POST /hotline-calls against the real database and broker', () => {
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let url: string;
  let prisma: IntakePrisma;
  let operator: Record<string, string>;
  const kafka = new Kafka({ clientId: 'intake-int-spec', brokers: requiredEnv('KAFKA_BROKERS').split(','), logLevel: logLevel.NOTHING });

  beforeAll(async () => {
    intake = await startIntake();
    ({ url, prisma } = intake);
    operator = await intake.issuer.as('HOTLINE_OPERATOR', 'KZ-79');
    // The app creates its topic in the background at start-up.
    await waitForTopic(kafka, TOPICS.intake);
  });
  afterAll(() => intake?.stop());

  const post = async (body: unknown, raw = false) => {
    const response = await fetch(`${url}/hotline-calls`, { method: 'POST', headers: { 'content-type': 'application/json', ...operator }, body: raw ? (body as string) : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as { fields?: { field: string }[]; message?: string } };
  };

  const stored = async () => ({ calls: await prisma.hotlineCall.count(), outbox: await prisma.outboxEvent.count(), published: await topicSize(kafka, TOPICS.intake) });

  it('stores a valid call and publishes it', async () => {
    const before = await stored();
    const response = await post(aHotlineCall().build());
    expect(response.status).toBe(201);
    await eventually(async () => expect(await stored()).toEqual({ calls: before.calls + 1, outbox: before.outbox + 1, published: before.published + 1 }));
  });

  const badInputs: [string, unknown, string[]][] = [
    ['a missing required field', aHotlineCall().without('channel').build(), ['channel']],
    ['missing fields', aHotlineCall().without('region').without('callerCategory').build(), ['region', 'callerCategory']],
    ['an unknown enum value', aHotlineCall().with({ callerSex: 'X' }).build(), ['callerSex']],
    ['an unknown topic in a list', aHotlineCall().with({ topics: ['EMPLOYMENT_ABROAD', 'ALIENS'] }).build(), ['topics.1']],
    ['a wrong type', aHotlineCall().with({ anonymous: 'yes' }).build(), ['anonymous']],
    ['a number where a list belongs', aHotlineCall().with({ referrals: 3 }).build(), ['referrals']],
    ['an oversized string', aHotlineCall().with({ anonymous: false, notes: 'x'.repeat(4001) }).build(), ['notes']],
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
    const response = await post(aHotlineCall().with({ notes: 'x'.repeat(40_000) }).build());
    expect(response.status).toBe(413);
    expect(await stored()).toEqual(before);
  });
});
