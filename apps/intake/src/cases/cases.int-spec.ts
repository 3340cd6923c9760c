import { randomUUID } from 'node:crypto';
import type { TestIssuer } from '@qorgau/testing';
import type { IntakePrisma } from '../database/intake-prisma.service';
import { startIntake } from '../testing/intake-under-test';

describe('victim cases against the real database', () => {
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let url: string;
  let prisma: IntakePrisma;
  let issuer: TestIssuer;
  let lawyer: Record<string, string>;

  beforeAll(async () => {
    intake = await startIntake();
    ({ url, prisma, issuer } = intake);
    lawyer = await issuer.as('LAWYER', 'KZ-71');
  });
  afterAll(() => intake?.stop());

  const post = async (path: string, body: unknown, as: Record<string, string> = lawyer) => {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...as }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> & { fields?: { field: string }[] } };
  };
  // The outbox and the audit trail are the libraries' tables (libs/*/sql): read as SQL, not through the service's Prisma models.
  const outbox = (key: string) => prisma.$queryRawUnsafe<{ type: string; value: string }[]>('SELECT type, value FROM outbox_event WHERE key = $1 ORDER BY seq', key);
  const outboxSize = async () => (await prisma.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM outbox_event'))[0]!.n;
  const stored = async () => ({ cases: await prisma.victimCase.count(), referrals: await prisma.referral.count(), outbox: await outboxSize() });
  const opening = { region: 'KZ-71', subjectSex: 'FEMALE', subjectAgeBand: 'AGE_18_24', citizenship: 'UZ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER' };

  it('opens, identifies, refers and closes a case, announcing each step', async () => {
    const before = await stored();
    const opened = await post('/cases', { ...opening, subjectName: 'Dilnoza K.' });
    expect(opened.status).toBe(201);
    expect(opened.body).not.toHaveProperty('subjectName');
    const id = opened.body['id'] as string;
    expect((await post(`/cases/${id}/identification`, { identifiedBy: 'POLICE' })).status).toBe(201);
    expect((await post(`/cases/${id}/referrals`, { destination: 'LEGAL', note: 'needs a new passport' })).status).toBe(201);
    const closed = await post(`/cases/${id}/closure`, { reason: 'RETURNED_HOME' });
    expect(closed.body).toMatchObject({ status: 'CLOSED', closureReason: 'RETURNED_HOME', identifiedBy: 'POLICE' });
    expect(await stored()).toEqual({ cases: before.cases + 1, referrals: before.referrals + 1, outbox: before.outbox + 4 });

    const events = await outbox(id);
    expect(events.map((e) => e.type)).toEqual(['CaseOpened', 'VictimIdentified', 'CaseReferred', 'CaseClosed']);
    expect(events.map((e) => e.value).join()).not.toMatch(/Dilnoza|passport/);
  });

  it('stores personal fields encrypted, and erases them for good without touching the case or its events, announcing the erasure', async () => {
    const id = (await post('/cases', { ...opening, subjectName: 'Dilnoza Karimova', subjectPhone: '+998 90 123 45 67', notes: 'Brother Ibragim called' })).body['id'] as string;
    await post(`/cases/${id}/referrals`, { destination: 'LEGAL', note: 'passport N1234567 held by employer' });
    const [raw] = await prisma.$queryRawUnsafe<Record<string, string>[]>('SELECT subject_name, subject_phone, notes FROM victim_case WHERE id = $1::uuid', id);
    expect(JSON.stringify(raw)).not.toMatch(/Dilnoza|998|Ibragim/);
    const [rawNote] = await prisma.$queryRawUnsafe<{ note: string }[]>('SELECT note FROM referral WHERE case_id = $1::uuid', id);
    expect(rawNote!.note).not.toContain('N1234567');

    const read = async () => (await (await fetch(`${url}/cases/${id}`, { headers: lawyer })).json()) as Record<string, unknown> & { referrals: { note: string | null }[] };
    expect(await read()).toMatchObject({ subjectName: 'Dilnoza Karimova', subjectPhone: '+998 90 123 45 67', notes: 'Brother Ibragim called', personalDataErased: false });
    const eventsBefore = (await outbox(id)).length;

    expect((await post(`/cases/${id}/erasure`, {})).status).toBe(403);
    const erased = await post(`/cases/${id}/erasure`, {}, await issuer.as('REGIONAL_MANAGER', 'KZ-71'));
    expect(erased).toEqual({ status: 200, body: { id, personalDataErased: true } });

    const after = await read();
    expect(after).toMatchObject({ subjectName: null, subjectPhone: null, notes: null, personalDataErased: true, exploitationForm: 'LABOUR', citizenship: 'UZ' });
    expect(after.referrals.map((r) => r.note)).toEqual([null]);
    // The case's events stay; one more tells the services holding notes about it to erase theirs.
    const events = await outbox(id);
    expect(events.length).toBe(eventsBefore + 1);
    expect(events.at(-1)!.type).toBe('VictimDataErased');
    expect(events.at(-1)!.value).not.toMatch(/Dilnoza|998|Ibragim|N1234567/);
    const refused = await post(`/cases/${id}/referrals`, { destination: 'LEGAL', note: 'new detail' });
    expect(refused.status).toBe(409);
  });

  it('audits every read and change of a case, append-only, for the administrator to query', async () => {
    const id = (await post('/cases', opening)).body['id'] as string;
    await post(`/cases/${id}/referrals`, { destination: 'PSYCHOLOGY' });
    expect((await fetch(`${url}/cases/${id}`, { headers: lawyer })).status).toBe(200);

    const response = await fetch(`${url}/audit?recordId=${id}`, { headers: await issuer.as('ADMINISTRATOR') });
    expect(response.status).toBe(200);
    const entries = (await response.json()) as { action: string; operation: string; actor: string; actorRegion: string; sourceIp: string; at: string }[];
    expect(entries.map((e) => `${e.action} ${e.operation}`)).toEqual(['READ ReadCase', 'UPDATE ReferCase', 'CREATE OpenCase']);
    expect(entries.every((e) => e.actor === 'test-lawyer-kz-71' && e.actorRegion === 'KZ-71' && e.sourceIp && e.at)).toBe(true);

    expect((await fetch(`${url}/audit?recordId=${id}`, { headers: lawyer })).status).toBe(403);
    await expect(prisma.$executeRawUnsafe('DELETE FROM audit_entry WHERE record_id = $1::uuid', id)).rejects.toThrow(/audit_entry is append-only/);
    await expect(prisma.$executeRawUnsafe(`UPDATE audit_entry SET actor = 'someone else' WHERE record_id = $1::uuid`, id)).rejects.toThrow(/audit_entry is append-only/);
  });

  it('refers outside the organisation only with the victim’s recorded consent', async () => {
    const id = (await post('/cases', opening)).body['id'] as string;
    const before = await stored();
    const refused = await post(`/cases/${id}/referrals`, { destination: 'POLICE' });
    expect(refused.status).toBe(409);
    expect(refused.body['message']).toContain("needs the victim's consent");
    expect(await stored()).toEqual(before);

    const consented = await post(`/cases/${id}/consent`, { services: true, externalReferral: true, reporting: false });
    expect(consented.body).toMatchObject({ consent: { services: true, externalReferral: true, reporting: false } });
    expect((await post(`/cases/${id}/referrals`, { destination: 'POLICE' })).status).toBe(201);
    expect((await post('/cases', { ...opening, consent: { services: true, externalReferral: false, reporting: true } })).body).toMatchObject({ consent: { externalReferral: false, reporting: true } });
  });

  it('refuses to refer a closed case with 409, changing nothing', async () => {
    const id = (await post('/cases', opening)).body['id'] as string;
    await post(`/cases/${id}/closure`, { reason: 'LOST_CONTACT' });
    const before = await stored();
    const refused = await post(`/cases/${id}/referrals`, { destination: 'SHELTER' });
    expect(refused.status).toBe(409);
    expect(refused.body['message']).toContain('closed');
    expect(await stored()).toEqual(before);
  });

  it.each([
    ['an unknown form of exploitation', { ...opening, exploitationForm: 'ORGAN_REMOVAL_X' }, 'exploitationForm'],
    ['a missing citizenship', { ...opening, citizenship: undefined }, 'citizenship'],
    ['an unknown region', { ...opening, region: 'KZ-00' }, 'region'],
    ['an overlong name', { ...opening, subjectName: 'x'.repeat(201) }, 'subjectName'],
  ])('refuses to open a case with %s, storing nothing', async (_, body, field) => {
    const before = await stored();
    const refused = await post('/cases', body);
    expect(refused.status).toBe(400);
    expect(refused.body.fields?.map((f) => f.field)).toContain(field);
    expect(await stored()).toEqual(before);
  });

  it("refuses a lawyer of another region, even with the case's id", async () => {
    const id = (await post('/cases', opening)).body['id'] as string;
    const before = await stored();
    const other = await issuer.as('LAWYER', 'KZ-79');
    expect((await post(`/cases/${id}/referrals`, { destination: 'LEGAL' }, other)).status).toBe(403);
    expect((await fetch(`${url}/cases/${id}`, { headers: other })).status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('answers 404 for a case that does not exist and 400 for an id that is not one', async () => {
    expect((await post(`/cases/${randomUUID()}/closure`, { reason: 'OTHER' })).status).toBe(404);
    const malformed = await post('/cases/42/closure', { reason: 'OTHER' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields?.map((f) => f.field)).toEqual(['id']);
  });
});
