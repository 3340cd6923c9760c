import { readFileSync } from 'node:fs';
import { generateKeyPair, importJWK, SignJWT, type JWK, type KeyLike } from 'jose';
import { ROLES, isRegional, type Role } from '@qorgau/auth';
import type { RegionCode } from '@qorgau/contracts';
import { aHotlineCall } from '@qorgau/testing';
import { getJson, postJson, testPlatform } from './platform';

const OWN: RegionCode = 'KZ-79';
const OTHER: RegionCode = 'KZ-71';

interface Fixtures {
  readonly callId: Record<RegionCode, string>;
  readonly caseId: Record<RegionCode, string>;
}

interface Endpoint {
  readonly service: 'intake' | 'projection';
  readonly method: 'get' | 'post';
  /** As in the service's OpenAPI document. */
  readonly path: string;
  readonly allowed: readonly Role[];
  /** Whether a regional role is held to its own region on this endpoint. */
  readonly regional: boolean;
  readonly request: (region: RegionCode, f: Fixtures) => { path: string; body?: unknown };
}

const CASE_WORKERS: Role[] = ['HOTLINE_OPERATOR', 'LAWYER', 'PSYCHOLOGIST', 'REGIONAL_MANAGER'];
const opening = (region: RegionCode) => ({ region, subjectSex: 'MALE', subjectAgeBand: 'AGE_25_34', citizenship: 'UZ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER' });

/** The one table: every endpoint of every service, and who may call it. A new endpoint without a row fails the suite. */
const ENDPOINTS: readonly Endpoint[] = [
  { service: 'intake', method: 'post', path: '/hotline-calls', allowed: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'], regional: true, request: (r) => ({ path: '/hotline-calls', body: aHotlineCall().fromRegion(r).build() }) },
  { service: 'intake', method: 'get', path: '/hotline-calls/{id}', allowed: ['HOTLINE_OPERATOR', 'REGIONAL_MANAGER'], regional: true, request: (r, f) => ({ path: `/hotline-calls/${f.callId[r]}` }) },
  { service: 'intake', method: 'post', path: '/cases', allowed: CASE_WORKERS, regional: true, request: (r) => ({ path: '/cases', body: opening(r) }) },
  { service: 'intake', method: 'get', path: '/cases/{id}', allowed: CASE_WORKERS, regional: true, request: (r, f) => ({ path: `/cases/${f.caseId[r]}` }) },
  { service: 'intake', method: 'post', path: '/cases/{id}/identification', allowed: CASE_WORKERS, regional: true, request: (r, f) => ({ path: `/cases/${f.caseId[r]}/identification`, body: { identifiedBy: 'NGO' } }) },
  { service: 'intake', method: 'post', path: '/cases/{id}/referrals', allowed: CASE_WORKERS, regional: true, request: (r, f) => ({ path: `/cases/${f.caseId[r]}/referrals`, body: { destination: 'LEGAL' } }) },
  { service: 'intake', method: 'post', path: '/cases/{id}/consent', allowed: CASE_WORKERS, regional: true, request: (r, f) => ({ path: `/cases/${f.caseId[r]}/consent`, body: { services: true, externalReferral: true, reporting: false } }) },
  { service: 'intake', method: 'post', path: '/cases/{id}/closure', allowed: CASE_WORKERS, regional: true, request: (r, f) => ({ path: `/cases/${f.caseId[r]}/closure`, body: { reason: 'OTHER' } }) },
  { service: 'intake', method: 'post', path: '/hotline-calls/{id}/erasure', allowed: ['REGIONAL_MANAGER', 'ADMINISTRATOR'], regional: true, request: (r, f) => ({ path: `/hotline-calls/${f.callId[r]}/erasure` }) },
  { service: 'intake', method: 'post', path: '/cases/{id}/erasure', allowed: ['REGIONAL_MANAGER', 'ADMINISTRATOR'], regional: true, request: (r, f) => ({ path: `/cases/${f.caseId[r]}/erasure` }) },
  { service: 'intake', method: 'get', path: '/audit', allowed: ['ADMINISTRATOR'], regional: false, request: (_, f) => ({ path: `/audit?recordId=${f.caseId[OWN]}` }) },
  { service: 'projection', method: 'get', path: '/views/national', allowed: ['HQ_ANALYST'], regional: false, request: () => ({ path: '/views/national' }) },
  { service: 'projection', method: 'get', path: '/views/case-progress', allowed: ['HQ_ANALYST', 'REGIONAL_MANAGER'], regional: true, request: (r) => ({ path: `/views/case-progress?region=${r}` }) },
  { service: 'projection', method: 'get', path: '/views/regions/{region}', allowed: ['HQ_ANALYST', 'REGIONAL_MANAGER'], regional: true, request: (r) => ({ path: `/views/regions/${r}` }) },
];

/** Endpoints open to anyone: probes. */
const PUBLIC_PATHS = new Set(['/health', '/health/live']);

const username = (role: Role): string => {
  const slug = role.toLowerCase().replaceAll('_', '-');
  return isRegional(role) ? `${slug}.${OWN.toLowerCase()}` : slug;
};

describe('authorisation: every role × own or other region × every endpoint', () => {
  const platform = testPlatform(14000);
  const fixtures = { callId: {} as Record<RegionCode, string>, caseId: {} as Record<RegionCode, string> };
  const url = (service: Endpoint['service']) => (service === 'intake' ? platform.intake.url : platform.projection.url);

  beforeAll(async () => {
    await platform.start();
    for (const region of [OWN, OTHER]) {
      const operator = await platform.as(`hotline-operator.${region.toLowerCase()}`);
      fixtures.callId[region] = (await postJson(`${platform.intake.url}/hotline-calls`, aHotlineCall().fromRegion(region).build(), operator)).body['id'] as string;
      fixtures.caseId[region] = (await postJson(`${platform.intake.url}/cases`, opening(region), operator)).body['id'] as string;
    }
  });
  afterAll(() => platform.stop());

  it('has a rule in the table for every endpoint the services publish', async () => {
    for (const service of ['intake', 'projection'] as const) {
      const document = await getJson<{ paths: Record<string, Record<string, unknown>> }>(`${url(service)}/docs-json`);
      const published = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
      const inTable = new Set(ENDPOINTS.filter((e) => e.service === service).map((e) => `${e.method} ${e.path}`));
      const missing = published.filter((operation) => !inTable.has(operation) && !PUBLIC_PATHS.has(operation.split(' ')[1]!));
      expect({ service, missing }).toEqual({ service, missing: [] });
    }
  });

  const cases = ENDPOINTS.flatMap((endpoint) =>
    ROLES.flatMap((role) =>
      (isRegional(role) ? [OWN, OTHER] : [OWN]).map((target) => {
        const allowed = endpoint.allowed.includes(role) && (!isRegional(role) || !endpoint.regional || target === OWN);
        return [`${endpoint.method.toUpperCase()} ${endpoint.path}`, role, target === OWN ? 'own region' : 'other region', allowed ? 'allowed' : 'forbidden', endpoint, target] as const;
      }),
    ),
  );

  it.each(cases)('%s as %s, %s: %s', async (_, role, __, verdict, endpoint, target) => {
    const { path, body } = endpoint.request(target, fixtures);
    const headers = { 'content-type': 'application/json', ...(await platform.as(username(role))) };
    const response = await fetch(`${url(endpoint.service)}${path}`, { method: endpoint.method.toUpperCase(), headers, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (verdict === 'forbidden') expect(response.status).toBe(403);
    else expect([401, 403]).not.toContain(response.status);
  });

  describe('tokens that are refused with 401', () => {
    const target = () => `${platform.projection.url}/views/national`;
    let realKey: KeyLike | Uint8Array;
    let kid: string;

    beforeAll(async () => {
      const jwk = JSON.parse(readFileSync(platform.signingKeyFile, 'utf8')) as JWK;
      realKey = await importJWK(jwk, 'RS256');
      kid = ((await getJson<{ keys: JWK[] }>(`${platform.identity.url}/.well-known/jwks.json`)).keys[0]!.kid)!;
    });

    const sign = (key: KeyLike | Uint8Array, claims: { audience?: string; expiresAt?: number }) =>
      new SignJWT({ role: 'HQ_ANALYST' })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer(platform.issuer)
        .setAudience(claims.audience ?? 'qorgau')
        .setSubject('hq-analyst')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
        .setExpirationTime(claims.expiresAt ?? Math.floor(Date.now() / 1000) + 600)
        .sign(key);

    const status = async (authorization?: string) => (await fetch(target(), { headers: authorization ? { authorization } : {} })).status;

    it('accepts a well-formed token signed by the issuer (the control case)', async () => {
      expect(await status(`Bearer ${await sign(realKey, {})}`)).toBe(200);
    });
    it('refuses a request without a token', async () => expect(await status()).toBe(401));
    it('refuses a malformed authorization header', async () => expect(await status('Bearer not-a-token')).toBe(401));
    it('refuses an expired token', async () => expect(await status(`Bearer ${await sign(realKey, { expiresAt: Math.floor(Date.now() / 1000) - 3600 })}`)).toBe(401));
    it('refuses a token signed by another key', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      expect(await status(`Bearer ${await sign(privateKey, {})}`)).toBe(401);
    });
    it('refuses a token for another audience', async () => expect(await status(`Bearer ${await sign(realKey, { audience: 'another-app' })}`)).toBe(401));
  });
});
