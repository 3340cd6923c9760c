import fc from 'fast-check';
import { Client } from 'pg';
import { DOMAIN_TOPICS } from '@qorgau/contracts';
import { requiredEnv, topicSize } from '@qorgau/testing';
import { FUZZED_SERVICES, requestsOf, type FuzzedService, type FuzzRequest } from './fuzz';
import type { testPlatform } from './platform';

/** Who fuzzes each service: a role that may use most of its operations, in one region. */
const USERS: Record<FuzzedService, string> = {
  intake: 'hotline-operator.kz-79',
  legal: 'lawyer.kz-79',
  psychology: 'psychologist.kz-79',
  social: 'social-worker.kz-79',
  outreach: 'outreach-coordinator.kz-79',
  statistics: 'regional-manager.kz-79',
  projection: 'hq-analyst',
};

export interface FuzzTally {
  readonly sent: number;
  readonly byStatus: Record<string, number>;
  readonly serverErrors: string[];
  readonly invalidAccepted: string[];
}

/** Sends `count` generated requests, `concurrency` at a time; only invalid ones when `invalidOnly`. */
export async function fuzz(platform: ReturnType<typeof testPlatform>, count: number, options: { invalidOnly: boolean; seed: number; concurrency?: number }): Promise<FuzzTally> {
  const operations = FUZZED_SERVICES.flatMap((service) => requestsOf(service));
  const arbitrary = fc.oneof(...operations).filter((r) => !options.invalidOnly || r.surelyInvalid);
  const requests = fc.sample(arbitrary, { numRuns: count, seed: options.seed });
  const headers = Object.fromEntries(await Promise.all(FUZZED_SERVICES.map(async (s) => [s, await platform.as(USERS[s])] as const))) as Record<FuzzedService, Record<string, string>>;
  const urls = platform.urls();
  const byStatus: Record<string, number> = {};
  const serverErrors: string[] = [];
  const invalidAccepted: string[] = [];
  let next = 0;
  const send = async (request: FuzzRequest) => {
    const response = await fetch(`${urls[request.service]}${request.path}`, {
      method: request.method,
      headers: { ...headers[request.service], ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
    });
    await response.arrayBuffer();
    const kind = `${Math.floor(response.status / 100)}xx`;
    byStatus[kind] = (byStatus[kind] ?? 0) + 1;
    const label = `${request.method} ${request.service}${request.path.slice(0, 120)} → ${response.status}`;
    if (response.status >= 500) serverErrors.push(label);
    if (request.surelyInvalid && response.status < 400) invalidAccepted.push(label);
  };
  await Promise.all(
    Array.from({ length: options.concurrency ?? 16 }, async () => {
      while (next < requests.length) await send(requests[next++]!);
    }),
  );
  return { sent: requests.length, byStatus, serverErrors, invalidAccepted };
}

/** Row counts of every table a request could write, per service, and every topic's size. */
export async function storedState(kafka: ReturnType<typeof testPlatform>['kafka']): Promise<Record<string, number>> {
  const state: Record<string, number> = {};
  for (const service of ['intake', 'legal', 'psychology', 'social', 'outreach', 'statistics']) {
    const db = new Client({ connectionString: requiredEnv(`${service.toUpperCase()}_DATABASE_URL`) });
    await db.connect();
    try {
      // The audit trail records refused attempts by design; migrations are not data.
      const tables = (await db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'audit_entry')")).rows as { tablename: string }[];
      for (const { tablename } of tables) state[`${service}.${tablename}`] = Number((await db.query(`SELECT count(*) AS n FROM "${tablename}"`)).rows[0].n);
    } finally {
      await db.end();
    }
  }
  for (const topic of DOMAIN_TOPICS) state[topic] = await topicSize(kafka, topic);
  return state;
}
