import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { INDICATORS, VOCABULARIES } from '@qorgau/contracts';

const LANGUAGES = ['kk', 'ru', 'en'];
/** A namespace's file; the vocabularies' labels (`enums`) live in libs/contracts, where the exports read them too. */
const fileOf = (language: string, namespace: string) =>
  namespace === 'enums' ? path.join(__dirname, '../../../../libs/contracts/src/labels', language, 'enums.json') : path.join(__dirname, language, `${namespace}.json`);
const load = (language: string, namespace: string): Record<string, unknown> => JSON.parse(readFileSync(fileOf(language, namespace), 'utf8')) as Record<string, unknown>;

/** Every key path of a translation file: `form.personal.legend`, … */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  const namespaces = [...readdirSync(path.join(__dirname, 'en')).map((file) => file.replace(/\.json$/, '')), 'enums'];

  it.each(namespaces)('%s has every key in Kazakh, Russian and English, none empty', (namespace) => {
    const english = keys(load('en', namespace)).sort();
    for (const language of LANGUAGES) {
      const file = load(language, namespace);
      expect({ language, keys: keys(file).sort() }).toEqual({ language, keys: english });
      for (const key of english) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], file);
        expect({ language, key, empty: typeof text !== 'string' || text.trim() === '' }).toEqual({ language, key, empty: false });
      }
    }
  });

  it('orders every vocabulary alike in every language, so a form offers its choices in one order whatever the language', () => {
    const english = keys(load('en', 'enums'));
    for (const language of LANGUAGES) expect({ language, keys: keys(load(language, 'enums')) }).toEqual({ language, keys: english });
  });

  it("labels every value of the contracts' vocabularies, so a new category cannot go untranslated", () => {
    for (const language of LANGUAGES) {
      const enums = load(language, 'enums') as Record<string, Record<string, string>>;
      for (const [name, values] of Object.entries(VOCABULARIES)) {
        expect({ language, name, values: Object.keys(enums[name] ?? {}).sort() }).toEqual({ language, name, values: [...values].sort() });
      }
    }
  });

  it('names every breakdown of the indicator catalogue on the dashboard', () => {
    const dimensions = [...new Set(INDICATORS.flatMap((indicator) => indicator.breakdowns.map((breakdown) => breakdown.dimension)))].sort();
    for (const language of LANGUAGES) {
      const named = Object.keys((load(language, 'enums') as { dimension: Record<string, string> }).dimension);
      expect({ language, missing: dimensions.filter((d) => !named.includes(d)) }).toEqual({ language, missing: [] });
    }
  });

  it('writes Kazakh in Cyrillic', () => {
    const text = JSON.stringify(load('kk', 'hotline-desk'));
    expect(text).toMatch(/[әғқңөұүһі]/);
  });
});
