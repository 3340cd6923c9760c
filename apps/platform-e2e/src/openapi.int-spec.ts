import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@qorgau/testing';
import { testPlatform } from './platform';

/**
 * The committed OpenAPI documents (docs/openapi/) are what the web application's API types are
 * generated from: a service whose document changed without them being rewritten fails here. The
 * test rewrites them, so committing the rewritten files is the fix.
 */
const platform = testPlatform(15000);

beforeAll(() => platform.start());
afterAll(() => platform.stop());

describe('OpenAPI documents', () => {
  it.each(['intake', 'projection', 'legal', 'psychology', 'outreach', 'statistics'] as const)('docs/openapi/%s.json is current and declares the bearer scheme', async (service) => {
    const live = (await (await fetch(`${platform[service].url}/docs-json`)).json()) as { components?: { securitySchemes?: Record<string, unknown> } };
    expect(live.components?.securitySchemes?.['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    const file = path.join(repoRoot, 'docs', 'openapi', `${service}.json`);
    const committed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (JSON.stringify(committed) !== JSON.stringify(live)) writeFileSync(file, `${JSON.stringify(live, null, 2)}\n`);
    expect({ file: `docs/openapi/${service}.json`, current: JSON.stringify(committed) === JSON.stringify(live) }).toEqual({ file: `docs/openapi/${service}.json`, current: true });
  });
});
