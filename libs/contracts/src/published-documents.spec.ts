import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Parser as AsyncApiParser } from '@asyncapi/parser';
import { Document, Spectral, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';

/**
 * The contracts partners build on, checked by their own maintained linters: every service's OpenAPI
 * document (docs/openapi/, kept current by openapi.int-spec.ts) with Spectral's OpenAPI rules, and
 * the event catalogue's AsyncAPI document (npm run asyncapi) with the AsyncAPI parser. Zero errors;
 * the warnings are counted, so a rise shows in the log.
 */
const docs = path.resolve(__dirname, '../../../docs');
const ERROR = 0;
const WARNING = 1;
const describeProblems = (problems: readonly ISpectralDiagnostic[]) => problems.map((p) => `${p.code} at ${p.path.join('.')}: ${p.message}`.slice(0, 300));

describe('published contracts', () => {
  const spectral = new Spectral();
  spectral.setRuleset({ extends: [[oas, 'recommended']] } as Parameters<Spectral['setRuleset']>[0]);

  it.each(readdirSync(path.join(docs, 'openapi')).filter((file) => file.endsWith('.json')))(
    '%s passes Spectral’s OpenAPI rules',
    async (file) => {
      const results = await spectral.run(new Document(readFileSync(path.join(docs, 'openapi', file), 'utf8'), Json, file));
      console.log(`${file}: ${results.filter((r) => r.severity === ERROR).length} errors, ${results.filter((r) => r.severity === WARNING).length} warnings`);
      expect(describeProblems(results.filter((r) => r.severity === ERROR))).toEqual([]);
    },
    60_000,
  );

  it('the AsyncAPI document parses and validates', async () => {
    const { document, diagnostics } = await new AsyncApiParser().parse(readFileSync(path.join(docs, 'asyncapi.json'), 'utf8'));
    expect(describeProblems(diagnostics.filter((d) => d.severity <= WARNING))).toEqual([]);
    expect(document?.channels().length).toBeGreaterThan(0);
  }, 60_000);
});
