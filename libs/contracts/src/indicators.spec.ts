import { EVENT_TYPES } from './event-catalogue';
import { EVENT_EXAMPLES } from './event-examples';
import { indicatorByCode, indicatorFacts, INDICATORS, measureOf, PILLARS, isIndicatorCode, type IndicatorCode, type BreakdownDimension } from './indicators';

describe('the 4P indicator catalogue', () => {
  it('gives every indicator a unique code, a pillar and at least one source event, or two counted indicators to average', () => {
    expect(new Set(INDICATORS.map((i) => i.code)).size).toBe(INDICATORS.length);
    for (const indicator of INDICATORS) {
      expect(PILLARS).toContain(indicator.pillar);
      const measure = measureOf(indicator);
      if (measure.kind === 'AVERAGE') {
        expect({ code: indicator.code, sources: indicator.sources.length, breakdowns: indicator.breakdowns.length }).toEqual({ code: indicator.code, sources: 0, breakdowns: 0 });
        for (const counted of [measure.of, measure.per]) expect(measureOf(indicatorByCode(counted)!).kind).toBe('FLOW');
        continue;
      }
      expect(indicator.sources.length).toBeGreaterThan(0);
      for (const source of indicator.sources) expect(EVENT_TYPES).toContain(source.event);
    }
  });

  it('keeps stocks as balances: an admission adds a resident to the shelter, the discharge takes her away', () => {
    const residents = (type: 'ResidentAdmitted' | 'ResidentDischarged') =>
      indicatorFacts(type, EVENT_EXAMPLES[type].payload as never)
        .filter((f) => f.indicator.code === 'shelter_residents')
        .map((f) => [f.fact.count, f.fact.breakdown]);
    expect(residents('ResidentAdmitted')).toEqual([[1, { shelter: EVENT_EXAMPLES.ResidentAdmitted.payload.shelterId }]]);
    expect(residents('ResidentDischarged')).toEqual([[-1, { shelter: EVENT_EXAMPLES.ResidentDischarged.payload.shelterId }]]);
  });

  it('counts an agreement in force from its signing to its last day, and one without an end for good', () => {
    const inForce = (expiresOn: string | null) =>
      indicatorFacts('AgreementSigned', { ...EVENT_EXAMPLES.AgreementSigned.payload, expiresOn })
        .filter((f) => f.indicator.code === 'agreements_in_force')
        .map((f) => [f.fact.at, f.fact.count]);
    expect(inForce('2027-12-31')).toEqual([
      [EVENT_EXAMPLES.AgreementSigned.payload.signedAt, 1],
      ['2028-01-01T00:00:00+05:00', -1],
    ]);
    expect(inForce(null)).toEqual([[EVENT_EXAMPLES.AgreementSigned.payload.signedAt, 1]]);
  });

  it('covers all four pillars', () => {
    expect(new Set(INDICATORS.map((i) => i.pillar))).toEqual(new Set(PILLARS));
  });

  it('only breaks an indicator down by the dimensions it declares', () => {
    for (const type of EVENT_TYPES) {
      for (const { indicator, fact } of indicatorFacts(type, EVENT_EXAMPLES[type].payload)) {
        const declared = indicator.breakdowns.map((b) => b.dimension);
        expect({ code: indicator.code, dimensions: Object.keys(fact.breakdown).filter((d) => !declared.includes(d)) }).toEqual({ code: indicator.code, dimensions: [] });
        expect(Number.isInteger(fact.count)).toBe(true);
      }
    }
  });

  it('counts training participants by their groups, and materials by quantity', () => {
    const participants = indicatorFacts('TrainingHeld', EVENT_EXAMPLES.TrainingHeld.payload).filter((f) => f.indicator.code === 'training_participants');
    expect(participants.reduce((sum, f) => sum + f.fact.count, 0)).toBe(25);
    const materials = indicatorFacts('MaterialsDistributed', EVENT_EXAMPLES.MaterialsDistributed.payload);
    expect(materials.map((f) => [f.indicator.code, f.fact.count])).toEqual([['materials_distributed', 500]]);
  });

  it('does not count victims found in a raid twice: intake identifies them, the raid counts screenings', () => {
    const codes = indicatorFacts('RaidConducted', EVENT_EXAMPLES.RaidConducted.payload).map((f) => f.indicator.code);
    expect(codes).not.toContain('victims_identified');
  });
});

describe('indicator codes and breakdowns as types', () => {
  it('derives them from the catalogue, so a misspelt code does not compile', () => {
    const code: IndicatorCode = 'hotline_calls';
    const dimension: BreakdownDimension = 'caller_sex';
    // @ts-expect-error not an indicator of the catalogue
    const misspelt: IndicatorCode = 'hotline_call';
    expect([isIndicatorCode(code), isIndicatorCode(misspelt)]).toEqual([true, false]);
    expect(INDICATORS.some((i) => i.breakdowns.some((b) => b.dimension === dimension))).toBe(true);
  });
});
