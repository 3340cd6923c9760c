import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { deadLetterTopic, TOPICS, type Topic } from '@qorgau/contracts';
import { eventually, publishRaw, readTopic, repoRoot, requiredEnv, testKafka, topicSize, waitForTopic } from '@qorgau/testing';
import { ApiClient, type ServiceName } from '../demo/api-client';
import { LOCAL_PASSWORD, testPlatform } from './platform';

const R = 'KZ-79';
const AT = '2020-03-10T10:00:00+05:00';
const opening = {
  region: R,
  openedAt: AT,
  subjectSex: 'FEMALE',
  subjectAgeBand: 'AGE_18_24',
  citizenship: 'UZ',
  exploitationForm: 'SEXUAL',
  scope: 'CROSS_BORDER',
  identifiedBy: 'NGO',
  consent: { services: true, externalReferral: true, reporting: true },
};
/** A record id for endpoints whose body is refused before the record is looked up. */
const SOME_ID = randomUUID();
const victim = { sex: 'MALE', ageBand: 'AGE_25_34', citizenship: 'TJ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER' };

describe('flows between services, by events only', () => {
  const platform = testPlatform(17000);
  let api: ApiClient;
  /** A query as the owner of a service's database, or with `keys` of its person keys' database. */
  const sql = async <T>(service: string, query: string, values: unknown[] = [], database: 'data' | 'keys' = 'data'): Promise<T[]> => {
    const db = new Client({ connectionString: requiredEnv(`${service.toUpperCase()}_${database === 'keys' ? 'KEYS_' : ''}DATABASE_URL`) });
    await db.connect();
    try {
      return (await db.query(query, values)).rows as T[];
    } finally {
      await db.end();
    }
  };
  const eventsOf = async (topic: Topic, type: string, caseId: string) => (await readTopic(platform.kafka, topic)).filter((m) => m.headers['qorgau-event-type'] === type && m.value!.includes(caseId));

  beforeAll(async () => {
    await platform.start();
    api = new ApiClient(platform.urls(), LOCAL_PASSWORD);
  }, 120_000);
  afterAll(() => platform.stop());

  const referredCase = async (destination: 'LEGAL' | 'PSYCHOLOGY') => {
    const opened = await api.post<{ id: string }>('hotline-operator.kz-79', 'intake', '/cases', opening);
    await api.post('hotline-operator.kz-79', 'intake', `/cases/${opened.id}/referrals`, { destination, referredAt: AT });
    return opened.id;
  };

  it.each([
    ['legal', 'LEGAL', 'LegalAssistanceOpened', TOPICS.legal, 'lawyer.kz-79', '/case-assistance'],
    ['psychology', 'PSYCHOLOGY', 'RehabilitationPlanOpened', TOPICS.psychology, 'psychologist.kz-79', '/rehabilitation-plans'],
  ] as const)('a case referred to %s opens the work there once, however often the referral is delivered', async (service, destination, opened, topic, user, path) => {
    const caseId = await referredCase(destination);
    await eventually(() => api.get(user, service, `${path}/${caseId}`), { timeoutMs: 30_000 });
    // The same referral delivered again (a relay re-send), and as a new event (a second referral).
    const [referral] = await eventsOf(TOPICS.intake, 'CaseReferred', caseId);
    const again = JSON.parse(referral!.value!) as { id: string; payload: { referralId: string } };
    await publishRaw(platform.kafka, TOPICS.intake, [
      { key: caseId, value: referral!.value!, headers: referral!.headers },
      { key: caseId, value: JSON.stringify({ ...again, id: randomUUID(), payload: { ...again.payload, referralId: randomUUID() } }), headers: referral!.headers },
    ]);
    // A later case on the same partition shows the consumer has passed both.
    const marker = await referredCase(destination);
    await eventually(() => api.get(user, service, `${path}/${marker}`), { timeoutMs: 30_000 });
    expect(await eventsOf(topic, opened, caseId)).toHaveLength(1);
    // The case is in the worker's queue, once.
    const queue = await api.get<{ caseId: string }[]>(user, service, `${path}?region=${R}`);
    expect(queue.filter((item) => item.caseId === caseId)).toHaveLength(1);
  });

  it('a raid that identifies victims opens their cases in intake once, however often the raid is delivered', async () => {
    const raid = await api.post<{ victims: { caseId: string }[] }>('outreach-coordinator.kz-79', 'outreach', '/raids', {
      region: R,
      conductedAt: AT,
      placeType: 'MARKET',
      partnerAgency: 'POLICE',
      personsScreened: 12,
      victims: [victim, victim],
    });
    for (const v of raid.victims) await eventually(() => api.get('hotline-operator.kz-79', 'intake', `/cases/${v.caseId}`), { timeoutMs: 30_000 });
    const [message] = (await readTopic(platform.kafka, TOPICS.outreach)).filter((m) => m.value!.includes(raid.victims[0]!.caseId));
    const event = JSON.parse(message!.value!) as Record<string, unknown>;
    await publishRaw(platform.kafka, TOPICS.outreach, [
      { key: message!.key!, value: message!.value!, headers: message!.headers },
      { key: message!.key!, value: JSON.stringify({ ...event, id: randomUUID() }), headers: message!.headers },
    ]);
    const marker = await api.post<{ victims: { caseId: string }[] }>('outreach-coordinator.kz-79', 'outreach', '/raids', {
      region: R,
      conductedAt: AT,
      placeType: 'MARKET',
      partnerAgency: 'POLICE',
      personsScreened: 1,
      victims: [victim],
    });
    await eventually(() => api.get('hotline-operator.kz-79', 'intake', `/cases/${marker.victims[0]!.caseId}`), { timeoutMs: 30_000 });
    for (const v of raid.victims) expect(await eventsOf(TOPICS.intake, 'CaseOpened', v.caseId)).toHaveLength(1);
    expect(await sql('intake', 'SELECT id FROM victim_case WHERE id = ANY($1::uuid[])', [raid.victims.map((v) => v.caseId)])).toHaveLength(2);
    // The coordinator sees the raid in the month's activities, with the case opened for each victim.
    const month = await api.get<{ raids: { victims: { caseId: string }[] }[] }>('outreach-coordinator.kz-79', 'outreach', '/activities?month=2020-03');
    expect(month.raids.flatMap((r) => r.victims.map((v) => v.caseId))).toEqual(expect.arrayContaining(raid.victims.map((v) => v.caseId)));
  });

  it('a forged VictimDataErased — on a topic it does not belong to, or from a producer that does not own the topic — is dead-lettered and destroys nothing', async () => {
    const caseId = await referredCase('LEGAL');
    await eventually(() => api.get('lawyer.kz-79', 'legal', `/case-assistance/${caseId}`), { timeoutMs: 30_000 });
    await api.post('lawyer.kz-79', 'legal', `/case-assistance/${caseId}/actions`, { kind: 'DOCUMENTS_RESTORED', at: AT, note: 'passport restored at the consulate' });
    const forged = (producer: string) =>
      JSON.stringify({
        id: randomUUID(),
        type: 'VictimDataErased',
        schemaVersion: 1,
        occurredAt: AT,
        region: R,
        producer,
        correlationId: randomUUID(),
        causationId: null,
        payload: { caseId, erasedAt: AT },
      });
    // Outreach's own credentials can write its topic and nothing else: a forgery there, passing for intake.
    await publishRaw(testKafka('forger', 'outreach'), TOPICS.outreach, [{ key: caseId, value: forged('intake') }]);
    // One that reached intake's topic anyway (a broker operator's mistake) still names the wrong producer.
    await publishRaw(platform.kafka, TOPICS.intake, [{ key: caseId, value: forged('outreach') }]);
    // Legal reads intake's topic; intake reads outreach's (raids): each refuses what it meets there.
    const reasons = async (topic: Topic, consumer: string) =>
      (await readTopic(platform.kafka, deadLetterTopic(topic))).filter((m) => m.key === caseId && m.headers['qorgau-dlq-consumer'] === consumer).map((m) => m.headers['qorgau-dlq-reason']);
    await waitForTopic(platform.kafka, deadLetterTopic(TOPICS.intake));
    await waitForTopic(platform.kafka, deadLetterTopic(TOPICS.outreach));
    await eventually(async () => expect(await reasons(TOPICS.intake, 'qorgau-legal')).toEqual(['producer "outreach" does not own qorgau.intake.events (its owner is intake)']), { timeoutMs: 30_000 });
    await eventually(async () => expect(await reasons(TOPICS.outreach, 'qorgau-intake')).toEqual(['VictimDataErased is not an event of qorgau.outreach.events (it belongs to qorgau.intake.events)']), {
      timeoutMs: 30_000,
    });
    // A later referral shows legal has read past both; the lawyer's note is still there.
    const marker = await referredCase('LEGAL');
    await eventually(() => api.get('lawyer.kz-79', 'legal', `/case-assistance/${marker}`), { timeoutMs: 30_000 });
    const assistance = await api.get<{ actions: { note: string | null }[] }>('lawyer.kz-79', 'legal', `/case-assistance/${caseId}`);
    expect(assistance.actions.map((a) => a.note)).toEqual(['passport restored at the consulate']);
  });

  it('an erasure legal cannot apply is not forgotten: kept, counted in health, and applied by the reconciliation', async () => {
    const caseId = await referredCase('LEGAL');
    await eventually(() => api.get('lawyer.kz-79', 'legal', `/case-assistance/${caseId}`), { timeoutMs: 30_000 });
    await api.post('lawyer.kz-79', 'legal', `/case-assistance/${caseId}/actions`, { kind: 'DOCUMENTS_RESTORED', at: AT, note: 'she lives with her aunt now' });
    const notes = async () => (await api.get<{ actions: { note: string | null }[] }>('lawyer.kz-79', 'legal', `/case-assistance/${caseId}`)).actions.map((a) => a.note);
    const unreconciled = async () => (await api.get<{ unreconciledErasures: number }>('administrator', 'legal', '/health/details')).unreconciledErasures;
    // Break what erasing needs: legal's own role may no longer destroy a person key.
    const role = new URL(requiredEnv('LEGAL_KEYS_APP_DATABASE_URL')).username;
    await sql('legal', `REVOKE UPDATE ON person_key FROM "${role}"`, [], 'keys');
    try {
      await api.post('regional-manager.kz-79', 'intake', `/cases/${caseId}/erasure`);
      await eventually(async () => expect(await sql('legal', 'SELECT case_id FROM unreconciled_erasure WHERE case_id = $1::uuid', [caseId])).toHaveLength(1), { timeoutMs: 60_000 });
      expect(await unreconciled()).toBeGreaterThanOrEqual(1);
      expect(await notes()).toEqual(['she lives with her aunt now']);
    } finally {
      await sql('legal', `GRANT UPDATE ON person_key TO "${role}"`, [], 'keys');
    }
    const result = await api.post<{ reconciled: number; remaining: number }>('administrator', 'legal', '/erasures/reconciliation');
    expect(result).toEqual({ reconciled: expect.any(Number), remaining: 0 });
    expect(result.reconciled).toBeGreaterThanOrEqual(1);
    expect(await unreconciled()).toBe(0);
    expect(await notes()).toEqual([null]);
  });

  it('a backup of the data restored after an erasure reads nothing: the person keys live in a database of their own', async () => {
    const caseId = await referredCase('LEGAL');
    await eventually(() => api.get('lawyer.kz-79', 'legal', `/case-assistance/${caseId}`), { timeoutMs: 30_000 });
    await api.post('lawyer.kz-79', 'legal', `/case-assistance/${caseId}/actions`, { kind: 'DOCUMENTS_RESTORED', at: AT, note: 'her brother keeps her passport' });
    for (const service of ['intake', 'legal', 'psychology']) expect(await sql(service, `SELECT to_regclass('person_key') AS t`)).toEqual([{ t: null }]);
    // The "backup": every row the data database holds about the case, ciphertext and key id included.
    const [assistance] = await sql<{ id: string; person_key_id: string }>('legal', 'SELECT id::text, person_key_id::text FROM case_assistance WHERE case_id = $1::uuid', [caseId]);
    const actions = await sql<{ id: string; note: string }>('legal', 'SELECT id::text, note FROM assistance_action WHERE assistance_id = $1::uuid', [assistance!.id]);
    expect(actions).toHaveLength(1);
    expect(await sql('legal', 'SELECT wrapped_key IS NOT NULL AS kept FROM person_key WHERE id = $1::uuid', [assistance!.person_key_id], 'keys')).toEqual([{ kept: true }]);
    const notes = async () => (await api.get<{ actions: { note: string | null }[] }>('lawyer.kz-79', 'legal', `/case-assistance/${caseId}`)).actions.map((a) => a.note);
    await api.post('regional-manager.kz-79', 'intake', `/cases/${caseId}/erasure`);
    await eventually(async () => expect(await notes()).toEqual([null]), { timeoutMs: 30_000 });
    // The data restored from before the erasure: the same ciphertext under the same key id, whose key is gone.
    await sql('legal', 'UPDATE case_assistance SET person_key_id = $2::uuid WHERE id = $1::uuid', [assistance!.id, assistance!.person_key_id]);
    for (const action of actions) await sql('legal', 'UPDATE assistance_action SET note = $2 WHERE id = $1::uuid', [action.id, action.note]);
    expect(await notes()).toEqual([null]);
    expect(await sql('legal', 'SELECT wrapped_key FROM person_key WHERE id = $1::uuid', [assistance!.person_key_id], 'keys')).toEqual([{ wrapped_key: null }]);
  });

  it('a victim who needs a shelter again after leaving one gets a new stay; a referral during a stay opens nothing; an erasure reaches every stay', async () => {
    const worker = 'social-worker.kz-79';
    const shelter = await api.post<{ id: string }>('regional-manager.kz-79', 'social', '/shelters', { region: R, name: 'Umit', capacity: 4, funding: ['DONOR_GRANT'], address: 'Abai avenue 1' });
    const { id: caseId } = await api.post<{ id: string }>('hotline-operator.kz-79', 'intake', '/cases', opening);
    const stayPath = `/stays/${caseId}`;
    let referrals = 0;
    /** Refers the case to a shelter and waits until social services have read the referral. */
    const referToShelter = async (referredAt: string) => {
      await api.post('hotline-operator.kz-79', 'intake', `/cases/${caseId}/referrals`, { destination: 'SHELTER', referredAt });
      referrals += 1;
      const published = await eventually(
        async () => {
          const events = await eventsOf(TOPICS.intake, 'CaseReferred', caseId);
          expect(events).toHaveLength(referrals);
          return events.at(-1)!;
        },
        { timeoutMs: 30_000 },
      );
      const eventId = (JSON.parse(published.value!) as { id: string }).id;
      await eventually(async () => expect(await sql('social', 'SELECT 1 FROM processed_event WHERE event_id = $1::uuid', [eventId])).toHaveLength(1), { timeoutMs: 30_000 });
    };
    const stays = () =>
      sql<{ id: string; discharged: boolean; person_key_id: string | null }>(
        'social',
        'SELECT id::text, discharged_at IS NOT NULL AS discharged, person_key_id::text FROM stay WHERE case_id = $1::uuid ORDER BY opened_at',
        [caseId],
      );

    await referToShelter('2020-03-10T11:00:00+05:00');
    await api.post(worker, 'social', `${stayPath}/admission`, { shelterId: shelter.id, admittedAt: '2020-03-10T12:00:00+05:00' });
    await api.post(worker, 'social', `${stayPath}/assistance`, { kind: 'MEDICAL_CARE', givenAt: '2020-03-11T10:00:00+05:00', details: 'A broken wrist set' });
    // Referred again while she is in the shelter: the same stay goes on.
    await referToShelter('2020-03-12T09:00:00+05:00');
    expect(await stays()).toHaveLength(1);
    await api.post(worker, 'social', `${stayPath}/discharge`, { dischargedAt: '2020-03-20T10:00:00+05:00', exit: 'REUNITED_WITH_FAMILY', aftercareUntil: '2020-06-30' });

    // Trafficked again months later: a new stay waits in the queue, the case's page shows it.
    await referToShelter('2020-09-01T09:00:00+05:00');
    const [first, second] = await stays();
    expect([first!.discharged, second!.discharged]).toEqual([true, false]);
    // One person, one key: the new stay is sealed under the key the first one made.
    expect(second!.person_key_id).toBe(first!.person_key_id);
    expect(await api.get<{ stayId: string; status: string }>(worker, 'social', stayPath)).toMatchObject({ stayId: second!.id, status: 'REQUESTED' });
    await api.post(worker, 'social', `${stayPath}/admission`, { shelterId: shelter.id, admittedAt: '2020-09-01T12:00:00+05:00' });
    // The relay publishes after the answer: wait for the second admission on the topic.
    await eventually(async () => expect(await eventsOf(TOPICS.social, 'ResidentAdmitted', caseId)).toHaveLength(2), { timeoutMs: 30_000 });

    // Erased: both stays' details are gone with the one key.
    await api.post('regional-manager.kz-79', 'intake', `/cases/${caseId}/erasure`);
    await eventually(
      async () =>
        expect(await sql('social', "SELECT 1 FROM audit_entry WHERE operation = 'FollowVictimErasure' AND record_id IN (SELECT id FROM stay WHERE case_id = $1::uuid)", [caseId])).toHaveLength(2),
      {
        timeoutMs: 30_000,
      },
    );
    expect(await sql('social', 'SELECT 1 FROM person_key WHERE id = $1::uuid AND wrapped_key IS NOT NULL', [first!.person_key_id], 'keys')).toEqual([]);
  });

  it('shelter staff reach their own shelter alone — its address, its residents, admission to it — once their regional manager assigns them, and nothing after', async () => {
    const manager = 'regional-manager.kz-79';
    const staff = 'shelter-staff.kz-79';
    const board = () => api.get<{ shelters: { id: string; address: string | null; staff: string[] | null }[] }>(staff, 'social', `/shelters?region=${R}`);
    const [harbour, haven] = [
      await api.post<{ id: string }>(manager, 'social', '/shelters', { region: R, name: 'Harbour', capacity: 3, address: 'Harbour street 7' }),
      await api.post<{ id: string }>(manager, 'social', '/shelters', { region: R, name: 'Haven', capacity: 3, address: 'Haven street 9' }),
    ];
    const { id: caseId } = await api.post<{ id: string }>('hotline-operator.kz-79', 'intake', '/cases', opening);
    await api.post('hotline-operator.kz-79', 'intake', `/cases/${caseId}/referrals`, { destination: 'SHELTER', referredAt: AT });
    await eventually(() => api.get('social-worker.kz-79', 'social', `/stays/${caseId}`), { timeoutMs: 30_000 });

    // Not assigned (whatever another test left: put here, then taken off): no shelter, no stay, and the reason says whom to ask.
    await api.post(manager, 'social', `/shelters/${harbour.id}/staff`, { account: staff });
    await api.post(manager, 'social', `/shelters/${harbour.id}/staff`, { account: staff, assigned: false });
    expect((await board()).shelters).toEqual([]);
    expect((await api.get<{ stays: unknown[] }>(staff, 'social', `/stays?region=${R}`)).stays).toEqual([]);
    const before = await api.fetch(staff, 'social', `/stays/${caseId}`);
    expect({ status: before.status, body: await before.text() }).toEqual({ status: 403, body: expect.stringContaining('ask your regional manager') });

    await api.post(manager, 'social', `/shelters/${harbour.id}/staff`, { account: staff });
    expect((await board()).shelters.map((s) => [s.id, s.address, s.staff])).toEqual([[harbour.id, 'Harbour street 7', null]]);
    const managers = await api.get<{ shelters: { id: string; staff: string[] | null }[] }>(manager, 'social', `/shelters?region=${R}`);
    expect(managers.shelters.find((s) => s.id === harbour.id)!.staff).toEqual([staff]);
    // The queue is theirs to admit from, to their own shelter only.
    expect((await api.get<{ stays: { caseId: string }[] }>(staff, 'social', `/stays?region=${R}`)).stays.map((s) => s.caseId)).toContain(caseId);
    expect((await api.fetch(staff, 'social', `/stays/${caseId}/admission`, { method: 'POST', body: JSON.stringify({ shelterId: haven.id, admittedAt: AT }) })).status).toBe(403);
    await api.post(staff, 'social', `/stays/${caseId}/admission`, { shelterId: harbour.id, admittedAt: AT });
    await api.post(staff, 'social', `/stays/${caseId}/assistance`, { kind: 'CLOTHING', givenAt: AT });

    // Moved to the other shelter: the first one's address and residents are out of reach.
    await api.post(manager, 'social', `/shelters/${haven.id}/staff`, { account: staff });
    expect((await board()).shelters.map((s) => [s.id, s.address])).toEqual([[haven.id, 'Haven street 9']]);
    expect((await api.fetch(staff, 'social', `/stays/${caseId}`)).status).toBe(403);
    expect((await api.fetch(staff, 'social', `/stays/${caseId}/assistance`, { method: 'POST', body: JSON.stringify({ kind: 'FOOD', givenAt: AT }) })).status).toBe(403);
    expect((await api.get<{ stays: { caseId: string }[] }>(staff, 'social', `/stays?region=${R}`)).stays.map((s) => s.caseId)).not.toContain(caseId);

    await api.post(manager, 'social', `/shelters/${haven.id}/staff`, { account: staff, assigned: false });
    expect((await board()).shelters).toEqual([]);
    expect(await sql('social', "SELECT operation FROM audit_entry WHERE record_id = $1::uuid AND operation LIKE '%ShelterStaff' ORDER BY id", [haven.id])).toEqual([
      { operation: 'AssignShelterStaff' },
      { operation: 'RemoveShelterStaff' },
    ]);
  });

  it('an erasure that reaches legal before any note leaves a marker: a note sent afterwards is refused, nothing stored', async () => {
    const caseId = await referredCase('LEGAL');
    await eventually(() => api.get('lawyer.kz-79', 'legal', `/case-assistance/${caseId}`), { timeoutMs: 30_000 });
    await api.post('regional-manager.kz-79', 'intake', `/cases/${caseId}/erasure`);
    await eventually(
      async () =>
        expect(
          await sql('legal', "SELECT 1 FROM audit_entry WHERE operation = 'FollowVictimErasure' AND record_id IN (SELECT id FROM case_assistance WHERE case_id = $1::uuid)", [caseId]),
        ).toHaveLength(1),
      { timeoutMs: 30_000 },
    );
    const response = await api.fetch('lawyer.kz-79', 'legal', `/case-assistance/${caseId}/actions`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'DOCUMENTS_RESTORED', at: AT, note: 'she called from a new number' }),
    });
    expect(response.status).toBe(409);
    expect(await sql('legal', 'SELECT a.id FROM assistance_action a JOIN case_assistance c ON c.id = a.assistance_id WHERE c.case_id = $1::uuid', [caseId])).toEqual([]);
    // Without a note the work itself goes on: what was done is not personal.
    expect((await api.fetch('lawyer.kz-79', 'legal', `/case-assistance/${caseId}/actions`, { method: 'POST', body: JSON.stringify({ kind: 'DOCUMENTS_RESTORED', at: AT }) })).status).toBe(201);
  });

  it("an attempt on another region's record is refused and written to the audit trail", async () => {
    const opened = await api.post<{ id: string }>('hotline-operator.kz-79', 'intake', '/cases', opening);
    expect((await api.fetch('hotline-operator.kz-71', 'intake', `/cases/${opened.id}`)).status).toBe(403);
    const entries = await api.get<{ actor: string; action: string; recordId: string; operation: string }[]>('administrator', 'intake', `/audit?recordId=${opened.id}`);
    expect(entries.filter((e) => e.action === 'REFUSED')).toEqual([expect.objectContaining({ actor: 'hotline-operator.kz-71', recordId: opened.id, operation: 'read' })]);
  });

  it('keeps each audit trail as a hash chain that shows a deleted entry (npm run audit:verify)', async () => {
    const verify = () =>
      promisify(execFile)(process.execPath, [path.join(repoRoot, 'tools/db/verify-audit.mjs')], { cwd: repoRoot, env: process.env }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const intact = await verify();
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/intake: audit chain intact, [1-9]\d* entries/);
    expect(intact.stdout).toMatch(/legal: audit chain intact, [1-9]\d* entries/);
    // Someone with the database owner's rights removes an entry, trigger or not: the chain shows it.
    await sql('legal', 'ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
    await sql('legal', 'DELETE FROM audit_entry WHERE chain_seq = (SELECT max(chain_seq) - 1 FROM audit_entry)');
    await sql('legal', 'ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only');
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/legal: audit chain BROKEN: entry \d+ does not follow entry \d+/);
  });

  it('runs each service as a role that may only add to and read its audit trail: no delete, truncate or disabled trigger', async () => {
    const asService = async (query: string) => {
      const db = new Client({ connectionString: requiredEnv('INTAKE_APP_DATABASE_URL') });
      await db.connect();
      try {
        return await db.query(query);
      } finally {
        await db.end();
      }
    };
    expect(Number((await asService('SELECT count(*) AS n FROM audit_entry')).rows[0].n)).toBeGreaterThan(0);
    await expect(asService('DELETE FROM audit_entry')).rejects.toThrow(/permission denied/);
    await expect(asService('TRUNCATE audit_entry')).rejects.toThrow(/permission denied/);
    await expect(asService('UPDATE audit_entry SET actor = actor')).rejects.toThrow(/permission denied/);
    await expect(asService('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only')).rejects.toThrow(/must be owner/);
    await expect(asService('CREATE TABLE smuggled (id int)')).rejects.toThrow(/permission denied/);
  });

  it("a lawyer cannot attach proceedings to another region's case", async () => {
    const caseId = await referredCase('LEGAL');
    await eventually(() => api.get('lawyer.kz-79', 'legal', `/case-assistance/${caseId}`), { timeoutMs: 30_000 });
    const before = await sql<{ n: number }>('legal', 'SELECT count(*)::int AS n FROM criminal_proceeding');
    const response = await api.fetch('lawyer.kz-71', 'legal', '/criminal-proceedings', { method: 'POST', body: JSON.stringify({ region: 'KZ-71', caseId, articles: ['128'] }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(['caseId']);
    expect(await sql<{ n: number }>('legal', 'SELECT count(*)::int AS n FROM criminal_proceeding')).toEqual(before);
  });

  it('sends an event a reaction cannot read to the dead-letter topic with the reason, and goes on', async () => {
    await publishRaw(platform.kafka, TOPICS.outreach, [{ key: 'poison', value: '{"type":"RaidConducted","payload":{"victims":"many"}}' }]);
    const dlq = deadLetterTopic(TOPICS.outreach);
    await waitForTopic(platform.kafka, dlq);
    await eventually(async () => expect((await readTopic(platform.kafka, dlq)).find((m) => m.key === 'poison')?.headers['qorgau-dlq-reason']).toContain('invalid envelope'), { timeoutMs: 30_000 });
    const after = await api.post<{ victims: { caseId: string }[] }>('outreach-coordinator.kz-79', 'outreach', '/raids', {
      region: R,
      conductedAt: AT,
      placeType: 'MARKET',
      partnerAgency: 'POLICE',
      personsScreened: 1,
      victims: [victim],
    });
    await eventually(() => api.get('hotline-operator.kz-79', 'intake', `/cases/${after.victims[0]!.caseId}`), { timeoutMs: 30_000 });
  });

  // Each API's bad input: a 400 naming the field, nothing stored, nothing published.
  const BAD: [ServiceName, string, string | ((f: Existing) => string), Record<string, unknown>, string, string][] = [
    [
      'legal',
      'lawyer.kz-79',
      '/consultations',
      { region: R, clientType: 'VICTIM', clientSex: 'FEMALE', clientAgeBand: 'AGE_18_24', topics: [], outcome: 'ADVICE_GIVEN' },
      'topics',
      'legal_consultation',
    ],
    [
      'legal',
      'lawyer.kz-79',
      '/consultations',
      { region: R, clientType: 'VICTIM', clientSex: 'FEMALE', clientAgeBand: 'AGE_18_24', topics: ['COURT'], outcome: 'ADVICE_GIVEN', givenAt: '2099-01-01T10:00:00+05:00' },
      'givenAt',
      'legal_consultation',
    ],
    ['legal', 'lawyer.kz-79', '/criminal-proceedings', { region: R, articles: ['trafficking'] }, 'articles.0', 'criminal_proceeding'],
    ['legal', 'lawyer.kz-79', '/criminal-proceedings', { region: R, caseId: SOME_ID, articles: ['128'] }, 'caseId', 'criminal_proceeding'],
    ['legal', 'lawyer.kz-79', '/agency-complaints', { region: R, agencyType: 'TRAVEL_AGENCY' }, 'agencyName', 'agency_complaint'],
    [
      'psychology',
      'psychologist.kz-79',
      '/consultations',
      { region: R, clientType: 'VICTIM', clientSex: 'FEMALE', clientAgeBand: 'AGE_18_24', format: 'GROUP', presentingIssues: ['TRAUMA'], clientName: 'A. B.' },
      'clientName',
      'psychological_consultation',
    ],
    [
      'psychology',
      'psychologist.kz-79',
      '/consultations',
      { region: R, clientType: 'CLIENT', clientSex: 'FEMALE', clientAgeBand: 'AGE_18_24', format: 'GROUP', presentingIssues: ['TRAUMA'] },
      'clientType',
      'psychological_consultation',
    ],
    [
      'outreach',
      'outreach-coordinator.kz-79',
      '/trainings',
      { region: R, heldAt: AT, site: 'School', siteType: 'SCHOOL', audience: 'PUPILS', participants: [{ sex: 'FEMALE', ageBand: 'AGE_13_17', count: 0 }], hours: 2 },
      'participants.0.count',
      'training',
    ],
    [
      'outreach',
      'outreach-coordinator.kz-79',
      '/trainings',
      { region: R, heldAt: AT, site: 'School\u0000', siteType: 'SCHOOL', audience: 'PUPILS', participants: [{ sex: 'FEMALE', ageBand: 'AGE_13_17', count: 3 }], hours: 2 },
      'site',
      'training',
    ],
    [
      'outreach',
      'outreach-coordinator.kz-79',
      '/trainings',
      { region: R, heldAt: '0999-05-01T10:00:00+05:00', site: 'School', siteType: 'SCHOOL', audience: 'PUPILS', participants: [{ sex: 'FEMALE', ageBand: 'AGE_13_17', count: 3 }], hours: 2 },
      'heldAt',
      'training',
    ],
    ['outreach', 'outreach-coordinator.kz-79', '/materials', { region: R, distributedAt: '1970-01-01T00:00:00Z', kind: 'BOOKLET', title: 'T', quantity: 5 }, 'distributedAt', 'material_distribution'],
    ['outreach', 'outreach-coordinator.kz-79', '/materials', { region: R, distributedAt: AT, kind: 'BOOKLET', title: 'T', quantity: -5 }, 'quantity', 'material_distribution'],
    ['outreach', 'outreach-coordinator.kz-79', '/media', { region: R, publishedAt: AT, kind: 'BILLBOARD', outlet: 'X' }, 'kind', 'media_output'],
    [
      'outreach',
      'outreach-coordinator.kz-79',
      '/raids',
      { region: R, conductedAt: AT, placeType: 'MARKET', partnerAgency: 'POLICE', personsScreened: 1, victims: [victim, victim] },
      'victims',
      'raid',
    ],
    ['outreach', 'outreach-coordinator.kz-79', '/volunteer-sessions', { region: R, heldAt: AT, volunteers: 0, hours: 2, activity: 'Club' }, 'volunteers', 'volunteer_session'],
    ['legal', 'lawyer.kz-79', (f) => `/case-assistance/${f.legalCaseId}/actions`, { kind: 'REPATRIATION', embassyInvolved: true }, 'country', 'assistance_action'],
    ['legal', 'lawyer.kz-79', (f) => `/case-assistance/${f.legalCaseId}/actions`, { kind: 'DOCUMENTS_RESTORED', country: 'UZ' }, 'country', 'assistance_action'],
    ['legal', 'lawyer.kz-79', (f) => `/agency-complaints/${f.complaintId}/decision`, { decision: 'SHUT_DOWN' }, 'decision', 'agency_complaint'],
    ['legal', 'lawyer.kz-79', (f) => `/criminal-proceedings/${f.proceedingId}/stage`, { stage: 'ARREST' }, 'stage', 'criminal_proceeding'],
    ['legal', 'lawyer.kz-79', (f) => `/criminal-proceedings/${f.proceedingId}/verdict`, { verdict: 'CONVICTION', sentenceYears: 0.3 }, 'sentenceYears', 'criminal_proceeding'],
    ['psychology', 'psychologist.kz-79', (f) => `/rehabilitation-plans/${f.psychologyCaseId}/sessions`, { format: 'DANCE' }, 'format', 'rehabilitation_session'],
    ['psychology', 'psychologist.kz-79', (f) => `/rehabilitation-plans/${f.psychologyCaseId}/ending`, { outcome: 'DONE' }, 'outcome', 'rehabilitation_plan'],
    ['psychology', 'psychologist.kz-79', (f) => `/rehabilitation-plans/${f.psychologyCaseId}/assessment`, { assessedAt: 'yesterday' }, 'assessedAt', 'rehabilitation_plan'],
    ['statistics', 'hq-analyst', '/reports', { scope: 'KZ', periodKind: 'QUARTER', period: '2025-13' }, 'period', 'report'],
    ['statistics', 'hq-analyst', '/reports', { scope: 'KZ-11', periodKind: 'YEAR', period: '2025' }, 'scope', 'report'],
    ['statistics', 'hq-analyst', '/reports', { scope: 'KZ', periodKind: 'RANGE', period: '2025-03-16..2025-03-15' }, 'period', 'report'],
    ['statistics', 'hq-analyst', '/grant-periods', { name: 'Backwards grant', donor: 'EU', start: '2025-03-16', end: '2025-03-15' }, 'start', 'grant_period'],
    [
      'statistics',
      'hq-analyst',
      '/official-statistics',
      { scope: 'KZ', periodKind: 'YEAR', period: '2025', measure: 'CONVICTIONS', source: 'SUPREME_COURT', total: 5, breakdowns: { exploitation_form: { LABOUR: 6 } } },
      'breakdowns.exploitation_form',
      'official_statistic',
    ],
  ];
  const TOPIC_OF: Record<string, Topic> = { legal: TOPICS.legal, psychology: TOPICS.psychology, outreach: TOPICS.outreach, statistics: TOPICS.statistics };

  // Requests on a record go to one that exists, so "nothing changed" is not true merely because there was nothing to change.
  interface Existing {
    readonly legalCaseId: string;
    readonly psychologyCaseId: string;
    readonly complaintId: string;
    readonly proceedingId: string;
  }
  let existing: Existing;
  const everything = (table: string) =>
    sql<{ n: string; digest: string }>(table.split(':')[0]!, `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table.split(':')[1]} t`);

  it.each(BAD.map(([service, user, path, body, field, table]) => [service, typeof path === 'string' ? path : path.toString().replace(/^.*`(.*)`$/, '$1'), field, user, body, table, path] as const))(
    '%s %s with a bad %s: 400 naming the field, nothing stored, changed or published',
    async (service, _, field, user, body, table, path) => {
      existing ??= await (async () => {
        const legalCaseId = await referredCase('LEGAL');
        const psychologyCaseId = await referredCase('PSYCHOLOGY');
        await eventually(() => api.get('lawyer.kz-79', 'legal', `/case-assistance/${legalCaseId}`), { timeoutMs: 30_000 });
        await eventually(() => api.get('psychologist.kz-79', 'psychology', `/rehabilitation-plans/${psychologyCaseId}`), { timeoutMs: 30_000 });
        const complaint = await api.post<{ id: string }>('lawyer.kz-79', 'legal', '/agency-complaints', { region: R, agencyType: 'TRAVEL_AGENCY', agencyName: 'Matrix Travel LLP' });
        const proceeding = await api.post<{ id: string }>('lawyer.kz-79', 'legal', '/criminal-proceedings', { region: R, articles: ['128'] });
        return { legalCaseId, psychologyCaseId, complaintId: complaint.id, proceedingId: proceeding.id };
      })();
      const rowsBefore = await everything(`${service}:${table}`);
      const outboxBefore = await sql<{ n: string }>(service, 'SELECT count(*) AS n FROM outbox_event');
      const publishedBefore = await topicSize(platform.kafka, TOPIC_OF[service]!);
      const response = await api.fetch(user, service, typeof path === 'string' ? path : path(existing), { method: 'POST', body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toContain(field);
      expect(await everything(`${service}:${table}`)).toEqual(rowsBefore);
      expect(await sql(service, 'SELECT count(*) AS n FROM outbox_event')).toEqual(outboxBefore);
      expect(await topicSize(platform.kafka, TOPIC_OF[service]!)).toBe(publishedBefore);
    },
  );

  it('answers 409 for steps out of order, naming what to do instead', async () => {
    const proceeding = await api.post<{ id: string }>('lawyer.kz-79', 'legal', '/criminal-proceedings', { region: R, openedAt: AT, articles: ['128'] });
    const early = await api.fetch('lawyer.kz-79', 'legal', `/criminal-proceedings/${proceeding.id}/verdict`, { method: 'POST', body: JSON.stringify({ verdict: 'CONVICTION', sentenceYears: 5 }) });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { message: string }).message).toContain('move them to TRIAL first');
    const caseId = await referredCase('PSYCHOLOGY');
    await eventually(() => api.get('psychologist.kz-79', 'psychology', `/rehabilitation-plans/${caseId}`), { timeoutMs: 30_000 });
    const session = await api.fetch('psychologist.kz-79', 'psychology', `/rehabilitation-plans/${caseId}/sessions`, { method: 'POST', body: JSON.stringify({ format: 'IN_PERSON' }) });
    expect(session.status).toBe(409);
    const notReferred = await api.fetch('lawyer.kz-79', 'legal', `/case-assistance/${randomUUID()}/actions`, { method: 'POST', body: JSON.stringify({ kind: 'DOCUMENTS_RESTORED' }) });
    expect(notReferred.status).toBe(404);
  });

  it('keeps a report under review: regional managers report on their region only, drafts are not exported', async () => {
    expect((await api.fetch('regional-manager.kz-79', 'statistics', '/reports', { method: 'POST', body: JSON.stringify({ scope: 'KZ', periodKind: 'YEAR', period: '2020' }) })).status).toBe(403);
    const draft = await api.post<{ id: string; status: string; figures: Record<string, { total: number }> }>('regional-manager.kz-79', 'statistics', '/reports', {
      scope: R,
      periodKind: 'YEAR',
      period: '2020',
    });
    expect(draft.status).toBe('DRAFT');
    expect(draft.figures['cases_opened']!.total).toBeGreaterThan(0);
    expect((await api.get<{ id: string; status: string }[]>('regional-manager.kz-79', 'statistics', '/reports')).find((r) => r.id === draft.id)).toMatchObject({ status: 'DRAFT' });
    expect((await api.get<{ id: string }[]>('regional-manager.kz-71', 'statistics', '/reports')).find((r) => r.id === draft.id)).toBeUndefined();
    expect((await api.fetch('regional-manager.kz-79', 'statistics', `/reports/${draft.id}/export`)).status).toBe(409);
    expect((await api.fetch('regional-manager.kz-79', 'statistics', `/reports/${draft.id}/submission`, { method: 'POST' })).status).toBe(409);
    expect((await api.fetch('regional-manager.kz-71', 'statistics', `/reports/${draft.id}`)).status).toBe(403);
    await api.post('regional-manager.kz-79', 'statistics', `/reports/${draft.id}/approval`);
    const csv = await api.fetch('regional-manager.kz-79', 'statistics', `/reports/${draft.id}/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });
  it('sheds what the database cannot take: 503 with Retry-After within a second, nothing stored for those, every call it took stored once', async () => {
    // The database stalls: a lock holds every insert of a call, so intake's connections fill up and stay busy.
    const locker = new Client({ connectionString: requiredEnv('INTAKE_DATABASE_URL') });
    await locker.connect();
    const stored = async () => Number((await sql<{ n: string }>('intake', `SELECT count(*) AS n FROM hotline_call WHERE region = 'KZ-61' AND received_at < '2013-01-01'`))[0]!.n);
    const before = await stored();
    const call = (i: number) => ({
      region: 'KZ-61',
      receivedAt: `2012-05-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+05:00`,
      channel: 'VOICE_CALL',
      callerSex: 'FEMALE',
      callerAgeBand: 'AGE_25_34',
      callerCategory: 'ACQUAINTANCE',
      topics: ['EMPLOYMENT_ABROAD'],
      referrals: [],
    });
    await api.post('hotline-operator.kz-61', 'intake', '/hotline-calls', call(0));
    let answers: { status: number; retryAfter: string | null; ms: number }[];
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE hotline_call IN SHARE MODE');
      // Let the stalled ones go after a while: the others must have had their answer long before.
      setTimeout(() => void locker.query('COMMIT').catch(() => undefined), 3_000);
      answers = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const started = performance.now();
          const response = await api.fetch('hotline-operator.kz-61', 'intake', '/hotline-calls', { method: 'POST', body: JSON.stringify(call(i + 1)) });
          await response.text();
          return { status: response.status, retryAfter: response.headers.get('retry-after'), ms: performance.now() - started };
        }),
      );
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
    const shed = answers.filter((a) => a.status === 503);
    const taken = answers.filter((a) => a.status === 201);
    expect(shed.length + taken.length).toBe(40);
    expect(shed.length).toBeGreaterThan(10);
    expect(shed.every((a) => a.retryAfter === '1' && a.ms < 1_500)).toBe(true);
    expect(await stored()).toBe(before + 1 + taken.length);
  });

  it("reports on a donor's grant period from mid-month to mid-month: exactly the facts of its days, both boundary days included", async () => {
    // Kazakhstan's days (UTC+5): the evening before the grant and the morning after it stay out.
    const calls = ['2011-03-15T23:50:00+05:00', '2011-03-16T00:10:00+05:00', '2011-04-02T12:00:00+05:00', '2011-04-16T23:50:00+05:00', '2011-04-17T00:10:00+05:00'];
    for (const receivedAt of calls) {
      await api.post('hotline-operator.kz-63', 'intake', '/hotline-calls', {
        region: 'KZ-63',
        receivedAt,
        channel: 'VOICE_CALL',
        callerSex: 'FEMALE',
        callerAgeBand: 'AGE_25_34',
        callerCategory: 'PREPARING_TO_TRAVEL_ABROAD',
        topics: ['EMPLOYMENT_ABROAD'],
        referrals: [],
      });
    }
    const name = `EU grant ${randomUUID().slice(0, 8)}`;
    const grant = await api.post<{ period: string }>('hq-analyst', 'statistics', '/grant-periods', { name, donor: 'European Union', start: '2011-03-16', end: '2011-04-16' });
    expect(grant.period).toBe('2011-03-16..2011-04-16');
    const again = await api.fetch('hq-analyst', 'statistics', '/grant-periods', { method: 'POST', body: JSON.stringify({ name, donor: 'EU', start: '2011-01-01', end: '2011-12-31' }) });
    expect(again.status).toBe(400);
    expect(JSON.stringify(await again.json())).toContain('"field":"name"');
    expect((await api.get<{ grantPeriods: { name: string }[] }>('regional-manager.kz-63', 'statistics', '/grant-periods')).grantPeriods.map((g) => g.name)).toContain(name);

    // Partner figures as they arrive: "59 victims, 12 of them labour, 3 foreigners".
    await api.post('hq-analyst', 'statistics', '/official-statistics', {
      scope: 'KZ-63',
      periodKind: 'RANGE',
      period: grant.period,
      measure: 'VICTIMS_IDENTIFIED',
      source: 'MINISTRY_OF_INTERNAL_AFFAIRS',
      total: 59,
      breakdowns: { exploitation_form: { LABOUR: 12 }, citizenship_group: { FOREIGN: 3 } },
    });
    type Draft = { id: string; figures: Record<string, { total: number; breakdowns: Record<string, Record<string, number>> }> };
    await eventually(
      async () => {
        const draft = await api.post<Draft>('hq-analyst', 'statistics', '/reports', { scope: 'KZ-63', periodKind: 'RANGE', period: grant.period });
        expect(draft.figures['hotline_calls']!.total).toBe(3);
        expect(draft.figures['official_victims_identified']).toMatchObject({
          total: 59,
          breakdowns: { exploitation_form: { LABOUR: 12, NOT_SPECIFIED: 47 }, citizenship_group: { FOREIGN: 3, NOT_SPECIFIED: 56 } },
        });
      },
      { timeoutMs: 30_000 },
    );
    const view = await api.get<{ start: string; end: string; metrics: Record<string, { total: number }> }>('hq-analyst', 'projection', '/views/regions/KZ-63?start=2011-03-16&end=2011-04-16');
    expect(view).toMatchObject({ start: '2011-03-16', end: '2011-04-16', metrics: { hotline_calls: { total: 3 } } });
    // The calendar months around it hold all five calls.
    expect((await api.get<{ metrics: Record<string, { total: number }> }>('hq-analyst', 'projection', '/views/regions/KZ-63?from=2011-03&to=2011-04')).metrics['hotline_calls']!.total).toBe(5);
  });

  it('exports the identified victims who consented as a k-anonymised CTDC dataset: no combination rarer than k, none without consent', async () => {
    // Victims of a year no other test uses: twelve alike who consented, one unlike them, three who did not consent.
    const victim = { ...opening, openedAt: '2009-05-05T10:00:00+05:00', citizenship: 'MD', exploitationForm: 'FORCED_BEGGING', identifiedBy: 'PROSECUTOR' };
    for (let i = 0; i < 12; i++) await api.post('hotline-operator.kz-79', 'intake', '/cases', victim);
    await api.post('hotline-operator.kz-79', 'intake', '/cases', { ...victim, subjectSex: 'MALE', subjectAgeBand: 'AGE_60_PLUS', citizenship: 'NZ' });
    for (let i = 0; i < 3; i++) await api.post('hotline-operator.kz-79', 'intake', '/cases', { ...victim, citizenship: 'PE', consent: { ...opening.consent, reporting: false } });

    type Dataset = { k: number; generalisations: string[]; summary: Record<string, number>; records: Record<string, string>[] };
    const dataset = await api.get<Dataset>('hq-analyst', 'intake', '/case-dataset?k=11');
    const key = (record: Record<string, string>) => JSON.stringify(Object.entries(record).sort());
    const sizes = new Map<string, number>();
    for (const record of dataset.records) sizes.set(key(record), (sizes.get(key(record)) ?? 0) + 1);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(11);
    expect(dataset.summary['exported']! + dataset.summary['withheld']! + dataset.summary['withoutReportingConsent']!).toBe(dataset.summary['identifiedVictims']);
    expect(dataset.summary['withoutReportingConsent']).toBeGreaterThanOrEqual(3);
    const ours = dataset.records.filter((r) => r['yearOfRegistration'] === '2009');
    expect(ours.length).toBeGreaterThanOrEqual(12);
    expect(ours.every((r) => r['vic_TypeOfExploitation'] === 'ForcedBegging' && r['vic_TraffickingStatusDecisionMakingOrg'] !== 'Police')).toBe(true);
    // Nothing of a victim without consent, nothing that names a person or a case.
    expect(JSON.stringify(dataset.records)).not.toMatch(/"PE"|Dilnoza|[0-9a-f]{8}-[0-9a-f]{4}-/);

    const csv = await api.fetch('hq-analyst', 'intake', '/case-dataset?k=11&format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(Number(csv.headers.get('qorgau-records-withheld'))).toBe(dataset.summary['withheld']);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('prs_Gender,ageBroad,majorityStatus,prs_Citizenship,vic_TypeOfExploitation,isAbroad,vic_TraffickingStatusDecisionMakingOrg,yearOfRegistration,locationOfRegistration');
    expect(lines.length - 1).toBe(dataset.summary['exported']);
    expect((await api.fetch('hq-analyst', 'intake', '/case-dataset?k=1')).status).toBe(400);
    expect((await api.fetch('regional-manager.kz-79', 'intake', '/case-dataset')).status).toBe(403);
  });

  it('imports two years of past calls from a spreadsheet once, however often the file is imported; a file with one bad row stores nothing and names the row', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qorgau-import-'));
    const headers = ['Регион', 'Время звонка', 'Канал', 'Пол звонящего', 'Возраст звонящего', 'Категория звонящего', 'Темы', 'Страна назначения'];
    const calls = Array.from({ length: 2400 }, (_, i) => {
      const day = new Date(Date.UTC(2007, 0, 1) + (i % 730) * 86_400_000);
      return [
        'KZ-75',
        `${String(day.getUTCDate()).padStart(2, '0')}.${String(day.getUTCMonth() + 1).padStart(2, '0')}.${day.getUTCFullYear()} ${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
        i % 2 ? 'WHATSAPP' : 'VOICE_CALL',
        i % 3 ? 'FEMALE' : 'MALE',
        'AGE_18_24',
        'PREPARING_TO_TRAVEL_ABROAD',
        'EMPLOYMENT_ABROAD,DOCUMENTS_AND_VISAS',
        i % 2 ? 'TR' : 'RU',
      ];
    });
    const write = (name: string, rows: string[][]) => {
      const file = path.join(dir, name);
      // As Russian Excel saves CSV: ";" between columns, a byte order mark.
      writeFileSync(file, '\uFEFF' + [headers, ...rows].map((row) => row.join(';')).join('\r\n') + '\r\n');
      return file;
    };
    const importFile = (file: string) =>
      promisify(execFile)(process.execPath, [path.join(repoRoot, 'tools/import/import.mjs'), file, '--as', 'hotline-operator.kz-75'], {
        cwd: repoRoot,
        env: { ...process.env, QORGAU_INTAKE_URL: platform.urls().intake, QORGAU_IDENTITY_URL: platform.urls().identity, QORGAU_LOCAL_PASSWORD: LOCAL_PASSWORD },
      }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: `${error.stdout}${error.stderr}` }),
      );
    const stored = async () => Number((await sql<{ n: string }>('intake', `SELECT count(*) AS n FROM hotline_call WHERE region = 'KZ-75' AND received_at < '2009-01-01'`))[0]!.n);

    const before = await stored();
    const bad = [...calls.slice(0, 99), ['KZ-75', '02.01.2007 09:00', 'CARRIER_PIGEON', 'FEMALE', 'AGE_18_24', 'PREPARING_TO_TRAVEL_ABROAD', '', 'TR'], ...calls.slice(99, 200)];
    const refused = await importFile(write('bad.csv', bad));
    // The bad call is the 100th; with the header, row 101 of the spreadsheet.
    expect(refused).toEqual({ code: 1, stdout: expect.stringMatching(/row 101: channel: [^]*nothing was stored/) });
    expect(await stored()).toBe(before);

    const file = write('calls.csv', calls);
    const first = await importFile(file);
    expect({ code: first.code, line: first.stdout }).toEqual({ code: 0, line: expect.stringContaining('2400 hotline calls imported, 0 already there') });
    const again = await importFile(file);
    expect(again.stdout).toContain('0 hotline calls imported, 2400 already there');
    expect(await stored()).toBe(before + 2400);
    // Announced like calls logged one by one: the views count them, by day.
    await eventually(
      async () =>
        expect(
          (await api.get<{ metrics: Record<string, { total: number }> }>('hq-analyst', 'projection', '/views/regions/KZ-75?start=2007-01-01&end=2008-12-31')).metrics['hotline_calls']!.total,
        ).toBe(before + 2400),
      { timeoutMs: 60_000 },
    );
  }, 180_000);

  it('imports past consultations, trainings, materials, media and raids the same way: once each, counted by the views, a bad row named', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qorgau-import-kinds-'));
    const importFile = (file: string, kind: string, user: string) =>
      promisify(execFile)(process.execPath, [path.join(repoRoot, 'tools/import/import.mjs'), file, '--kind', kind, '--as', user], {
        cwd: repoRoot,
        env: {
          ...process.env,
          QORGAU_LEGAL_URL: platform.urls().legal,
          QORGAU_PSYCHOLOGY_URL: platform.urls().psychology,
          QORGAU_OUTREACH_URL: platform.urls().outreach,
          QORGAU_IDENTITY_URL: platform.urls().identity,
          QORGAU_LOCAL_PASSWORD: LOCAL_PASSWORD,
        },
      }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: `${error.stdout}${error.stderr}` }),
      );
    const csv = (name: string, rows: string[][]) => {
      const file = path.join(dir, name);
      writeFileSync(file, '\uFEFF' + rows.map((row) => row.map((cell) => (/[;"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(';')).join('\r\n') + '\r\n');
      return file;
    };
    const day = (i: number) => `${String(1 + (i % 28)).padStart(2, '0')}.${String(1 + (i % 12)).padStart(2, '0')}.2006 10:00`;
    const totals = async () => (await api.get<{ metrics: Record<string, { total: number }> }>('hq-analyst', 'projection', '/views/regions/KZ-75?start=2006-01-01&end=2006-12-31')).metrics;
    const before = await totals();
    const total = (metrics: Record<string, { total: number }>, code: string) => metrics[code]?.total ?? 0;

    // Headers in Kazakh, Russian and English; values as codes or as labels (Әйел is FEMALE in Kazakh).
    const legal = csv('legal.csv', [
      ['Өңір', 'Кеңес берілген күн', 'Клиент түрі', 'Клиенттің жынысы', 'Клиенттің жасы', 'Тақырыптар', 'Нәтиже'],
      ...Array.from({ length: 30 }, (_, i) => ['KZ-75', day(i), 'VICTIM', i % 2 ? 'Әйел' : 'MALE', 'AGE_25_34', 'DOCUMENTS; COURT', 'ADVICE_GIVEN']),
    ]);
    const psychology = csv('psychology.csv', [
      ['Region', 'Given at', 'Client type', 'Client sex', 'Client age band', 'Format', 'Presenting issues', 'Source id'],
      ...Array.from({ length: 20 }, (_, i) => ['KZ-75', day(i), 'VICTIM', 'FEMALE', 'AGE_18_24', 'IN_PERSON', 'TRAUMA', `PSY-${i}`]),
    ]);
    const trainings = csv('trainings.csv', [
      ['Регион', 'Дата проведения', 'Место', 'Тип места', 'Аудитория', 'Участники', 'Часы'],
      ...Array.from({ length: 12 }, (_, i) => ['KZ-75', day(i), `School No. ${i + 1}`, 'SCHOOL', 'PUPILS', 'FEMALE AGE_13_17 10; MALE AGE_13_17 8', '2']),
    ]);
    const materials = csv('materials.csv', [['Region', 'Distributed at', 'Kind', 'Title', 'Quantity'], ...Array.from({ length: 5 }, (_, i) => ['KZ-75', day(i), 'BOOKLET', 'Safe travel', '100'])]);
    const media = csv('media.csv', [['Region', 'Published at', 'Kind', 'Outlet'], ...Array.from({ length: 4 }, (_, i) => ['KZ-75', day(i), 'RADIO', `Radio ${i}`])]);
    const raids = csv('raids.csv', [
      ['Region', 'Conducted at', 'Place type', 'Partner agency', 'Persons screened', 'Victims', 'Source id'],
      ['KZ-75', day(1), 'MARKET', 'POLICE', '30', 'FEMALE AGE_18_24 UZ LABOUR CROSS_BORDER; MALE AGE_25_34 KZ LABOUR DOMESTIC', 'RAID-2006-1'],
      ['KZ-75', day(2), 'MARKET', 'POLICE', '12', '', 'RAID-2006-2'],
    ]);

    // A bad row refuses the file: nothing stored, the row (the header is row 1) and its field named.
    const bad = csv('bad-trainings.csv', [
      ['Region', 'Held at', 'Site', 'Site type', 'Audience', 'Participants', 'Hours'],
      ['KZ-75', day(1), 'School', 'SCHOOL', 'PUPILS', 'FEMALE AGE_13_17 10', '2'],
      ['KZ-75', day(2), 'School', 'SCHOOL', 'PUPILS', 'FEMALE AGE_13_17 ten', '2'],
    ]);
    expect(await importFile(bad, 'trainings', 'outreach-coordinator.kz-75')).toEqual({ code: 1, stdout: expect.stringMatching(/row 3: participants\.0\.count: [^]*nothing was stored/) });

    const files: [string, string, string, number][] = [
      [legal, 'legal-consultations', 'lawyer.kz-75', 30],
      [psychology, 'psychological-consultations', 'psychologist.kz-75', 20],
      [trainings, 'trainings', 'outreach-coordinator.kz-75', 12],
      [materials, 'materials', 'outreach-coordinator.kz-75', 5],
      [media, 'media', 'outreach-coordinator.kz-75', 4],
      [raids, 'raids', 'outreach-coordinator.kz-75', 2],
    ];
    for (const [file, kind, user, rows] of files) {
      const first = await importFile(file, kind, user);
      expect({ kind, code: first.code, out: first.stdout }).toEqual({ kind, code: 0, out: expect.stringMatching(new RegExp(`: ${rows} [a-z ]+ imported, 0 already there`)) });
      const again = await importFile(file, kind, user);
      expect({ kind, out: again.stdout }).toEqual({ kind, out: expect.stringMatching(new RegExp(`: 0 [a-z ]+ imported, ${rows} already there`)) });
    }

    // Announced like records entered one by one: the views count each once; each raid's victims become cases.
    await eventually(
      async () => {
        const after = await totals();
        const moved = Object.fromEntries(
          [
            'legal_consultations',
            'psychological_consultations',
            'trainings_held',
            'training_participants',
            'materials_distributed',
            'media_outputs',
            'joint_raids',
            'persons_screened',
            'cases_opened',
          ].map((code) => [code, total(after, code) - total(before, code)]),
        );
        expect(moved).toEqual({
          legal_consultations: 30,
          psychological_consultations: 20,
          trainings_held: 12,
          training_participants: 12 * 18,
          materials_distributed: 500,
          media_outputs: 4,
          joint_raids: 2,
          persons_screened: 42,
          cases_opened: 2,
        });
      },
      { timeoutMs: 60_000 },
    );
  }, 180_000);

  it("rotates legal's service key without losing a client's details: the former key unwraps until every person key is re-wrapped, then is destroyed", async () => {
    const given = await api.post<{ id: string }>('lawyer.kz-79', 'legal', '/consultations', {
      region: R,
      clientType: 'VICTIM',
      clientSex: 'FEMALE',
      clientAgeBand: 'AGE_18_24',
      topics: ['DOCUMENTS'],
      outcome: 'ADVICE_GIVEN',
      clientName: 'Saule Abenova',
    });
    const clientName = async () => (await api.get<{ clientName: string | null }>('lawyer.kz-79', 'legal', `/consultations/${given.id}`)).clientName;
    const onFormerKeys = async () => (await api.get<{ personKeysOnPreviousServiceKeys: number }>('administrator', 'legal', '/health/details')).personKeysOnPreviousServiceKeys;
    const former = platform.legal.variable('PERSONAL_DATA_KEY')!;
    platform.legal.setEnv({ PERSONAL_DATA_KEY: randomBytes(32).toString('base64'), PERSONAL_DATA_PREVIOUS_KEYS: former });
    await platform.legal.restart();
    expect(await clientName()).toBe('Saule Abenova');
    expect(await onFormerKeys()).toBeGreaterThan(0);
    const rotation = await api.post<{ rewrapped: number; remaining: number; unreadable: number }>('administrator', 'legal', '/personal-data/key-rotation');
    expect(rotation.rewrapped).toBeGreaterThan(0);
    expect(rotation.remaining).toBe(0);
    // The former key destroyed: every detail still reads, with the new key alone.
    platform.legal.setEnv({ PERSONAL_DATA_PREVIOUS_KEYS: '' });
    await platform.legal.restart();
    expect(await clientName()).toBe('Saule Abenova');
    expect(await onFormerKeys()).toBe(0);
  });
});
