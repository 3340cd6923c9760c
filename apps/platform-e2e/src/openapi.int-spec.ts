import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@qorgau/testing';
import { testPlatform } from './platform';

/**
 * The committed OpenAPI documents (docs/openapi/) are what the web application's API types are
 * generated from: a service whose document changed without them being rewritten fails here. The
 * test rewrites them, so committing the rewritten files is the fix.
 */
interface OpenApiDocument {
  components?: { securitySchemes?: Record<string, unknown> };
  paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
}

const platform = testPlatform(15000);

beforeAll(() => platform.start());
afterAll(() => platform.stop());

describe('OpenAPI documents', () => {
  it.each(['intake', 'projection', 'legal', 'psychology', 'social', 'outreach', 'statistics'] as const)(
    'docs/openapi/%s.json is current, declares the bearer scheme and every success response',
    async (service) => {
      const live = (await (await fetch(`${platform[service].url}/docs-json`)).json()) as OpenApiDocument;
      expect(live.components?.securitySchemes?.['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
      // Every operation says what it answers on success, with a schema: the clients are generated from it.
      const undocumented = Object.entries(live.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => !Object.entries(operation.responses ?? {}).some(([code, response]) => code.startsWith('2') && response.content))
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
      expect(undocumented).toEqual([]);
      const file = path.join(repoRoot, 'docs', 'openapi', `${service}.json`);
      const committed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (JSON.stringify(committed) !== JSON.stringify(live)) writeFileSync(file, `${JSON.stringify(live, null, 2)}\n`);
      expect({ file: `docs/openapi/${service}.json`, current: JSON.stringify(committed) === JSON.stringify(live) }).toEqual({ file: `docs/openapi/${service}.json`, current: true });
    },
  );
});
