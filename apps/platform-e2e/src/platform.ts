import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { kafkaUserEnv, repoRoot, requiredEnv, ServiceProcess, testKafka } from '@qorgau/testing';

const run = promisify(execFile);

/** The platform under test: every service as a process, on ports of their own from `base` up. */
export const LOCAL_PASSWORD = 'e2e-local-password';

export function testPlatform(base = 13000) {
  const ports = { identity: base, intake: base + 1, projection: base + 2, legal: base + 3, psychology: base + 4, outreach: base + 5, statistics: base + 6, social: base + 7 };
  const brokers = requiredEnv('KAFKA_BROKERS');
  const issuer = `http://127.0.0.1:${ports.identity}`;
  const signingKeyFile = path.join(repoRoot, '.cache', `e2e-identity-${ports.identity}`, 'signing-key.json');
  // Tests poll every few milliseconds from one address: that is not the abuse the rate limit is for.
  const unlimited = { RATE_LIMIT_PER_MINUTE: '1000000' };
  const identity = new ServiceProcess('identity', ports.identity, { ...unlimited, AUTH_ISSUER: issuer, SIGNING_KEY_FILE: signingKeyFile, LOCAL_USERS_PASSWORD: LOCAL_PASSWORD });
  const common = { ...unlimited, KAFKA_BROKERS: brokers, HOST: '127.0.0.1', GENERATION_CHECK_MS: '200', AUTH_ISSUER: issuer };
  // The services run as their own roles (tools/db/migrate.mjs app-url); tests keep the owner's URL.
  // Each as its own Kafka user, held by the broker's ACLs to its own topics.
  const database = (service: string) => ({
    DATABASE_URL: process.env[`${service.toUpperCase()}_APP_DATABASE_URL`] ?? requiredEnv(`${service.toUpperCase()}_DATABASE_URL`),
    ...kafkaUserEnv(service),
  });
  const personal = (service: string) => ({
    PERSONAL_DATA_KEY: randomBytes(32).toString('base64'),
    PERSONAL_DATA_KEYS_DATABASE_URL: process.env[`${service.toUpperCase()}_KEYS_APP_DATABASE_URL`] ?? requiredEnv(`${service.toUpperCase()}_KEYS_DATABASE_URL`),
  });
  const projectionEnv = { ...common, ...database('projection'), PROJECTION_CONSUMER_GROUP: `qorgau-projection-e2e-${Date.now()}` };
  const intake = new ServiceProcess('intake', ports.intake, { ...common, ...database('intake'), ...personal('intake') });
  const projection = new ServiceProcess('projection', ports.projection, projectionEnv);
  const legal = new ServiceProcess('legal', ports.legal, { ...common, ...database('legal'), ...personal('legal') });
  const psychology = new ServiceProcess('psychology', ports.psychology, { ...common, ...database('psychology'), ...personal('psychology') });
  const social = new ServiceProcess('social', ports.social, { ...common, ...database('social'), ...personal('social') });
  const outreach = new ServiceProcess('outreach', ports.outreach, { ...common, ...database('outreach') });
  const statistics = new ServiceProcess('statistics', ports.statistics, { ...common, ...database('statistics'), PROJECTION_URL: `http://127.0.0.1:${ports.projection}` });
  const services = [intake, projection, legal, psychology, social, outreach, statistics];
  const kafka = testKafka('e2e-probe');

  const tokens = new Map<string, string>();

  return {
    identity,
    intake,
    projection,
    legal,
    psychology,
    social,
    outreach,
    statistics,
    kafka,
    signingKeyFile,
    issuer,
    /**
     * Another projection process on the same views and consumer group, on its own port (base + 9):
     * the two share the topics' partitions, and an event claimed by one is not counted by the other.
     */
    projectionReplica: new ServiceProcess('projection', base + 9, projectionEnv),
    async start() {
      rmSync(path.dirname(signingKeyFile), { recursive: true, force: true });
      await identity.start();
      await Promise.all(services.map((service) => service.start()));
    },
    async stop() {
      await Promise.all([...services, this.projectionReplica].map((service) => service.stop()));
      await identity.stop();
    },
    /** The services' base URLs, for an API client. */
    urls() {
      return {
        identity: identity.url,
        intake: intake.url,
        projection: projection.url,
        legal: legal.url,
        psychology: psychology.url,
        social: social.url,
        outreach: outreach.url,
        statistics: statistics.url,
      };
    },
    /** Authorization header of a seeded local user, e.g. `hotline-operator.kz-79` or `hq-analyst`. */
    async as(username: string): Promise<Record<string, string>> {
      let token = tokens.get(username);
      if (!token) {
        const response = await postJson(`${identity.url}/token`, { username, password: LOCAL_PASSWORD });
        if (response.status !== 200) throw new Error(`login as ${username}: ${response.status}`);
        token = response.body['access_token'] as string;
        tokens.set(username, token);
      }
      return { authorization: `Bearer ${token}` };
    },
    /** Stops, kills (-9) or starts the test broker with the repo's own script (same port, same storage). */
    async kafkaBroker(action: 'stop' | 'kill' | 'start') {
      await run('bash', [requiredEnv('QORGAU_KAFKA_SCRIPT'), action], { cwd: repoRoot, env: process.env });
    },
    /** Restarts the PostgreSQL server of every database (scripts/postgres.sh restart): the fault trials only. */
    async restartPostgres() {
      await run('bash', [path.join(repoRoot, 'scripts/postgres.sh'), 'restart'], { cwd: repoRoot, env: process.env });
    },
    /** The rebuild command, exactly as an operator runs it. */
    async rebuildProjection(): Promise<string> {
      const { stdout } = await run(process.execPath, [path.join(repoRoot, 'dist/apps/projection/src/rebuild.js')], {
        cwd: repoRoot,
        env: { ...process.env, ...projectionEnv },
      });
      return stdout;
    },
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export interface Figures {
  generation: number;
  metrics: Record<string, { total: number; breakdowns: Record<string, { value: string; count: number; share: number }[]> }>;
}

export async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}
