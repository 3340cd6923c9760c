import { indicatorFacts, INDICATORS } from './index';
import { EVENT_EXAMPLES } from './event-examples';
import { BREAKDOWN_VALUES, breakdownVocabulary, VOCABULARIES } from './vocabularies';

describe('breakdown values', () => {
  it('says where the values of every breakdown of the catalogue come from', () => {
    const dimensions = [...new Set(INDICATORS.flatMap((indicator) => indicator.breakdowns.map((breakdown) => breakdown.dimension)))];
    expect(dimensions.filter((dimension) => !(dimension in BREAKDOWN_VALUES))).toEqual([]);
    expect(Object.keys(BREAKDOWN_VALUES).filter((dimension) => !dimensions.includes(dimension))).toEqual([]);
    const names = Object.values(BREAKDOWN_VALUES).flatMap((source) => (typeof source === 'string' ? [] : source));
    expect(names.filter((name) => !(name in VOCABULARIES))).toEqual([]);
  });

  it("finds every value the example events break down by in its dimension's vocabulary", () => {
    const strays = Object.values(EVENT_EXAMPLES).flatMap((event) =>
      indicatorFacts(event.type, event.payload as never).flatMap(({ indicator, fact }) =>
        Object.entries(fact.breakdown).flatMap(([dimension, values]) => {
          const vocabulary = breakdownVocabulary(dimension);
          if (!vocabulary || values === null) return [];
          return (typeof values === 'string' ? [values] : values).filter((value) => !vocabulary.includes(value)).map((value) => `${indicator.code} ${dimension}=${value}`);
        }),
      ),
    );
    expect(strays).toEqual([]);
  });
});
