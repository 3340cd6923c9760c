import { AgeBandSchema, ExploitationFormSchema, IdentifiedBySchema, SexSchema, TraffickingScopeSchema } from '@qorgau/contracts';
import { CTDC_FIELDS, CTDC_GENERALISATIONS, regionOfOrigin, toCtdc, type VictimCaseAttributes } from './ctdc';
import { kAnonymise } from './k-anonymity';

/** A small deterministic generator (mulberry32), so the property holds for the same data every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function victims(count: number, seed: number): VictimCaseAttributes[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[], skew = 1): T => values[Math.floor(next() ** skew * values.length)]!;
  return Array.from({ length: count }, () => ({
    region: pick(['KZ-79', 'KZ-75', 'KZ-71', 'KZ-61', 'KZ-35', 'KZ-47', 'KZ-23', 'KZ-63'], 2),
    subjectSex: pick(SexSchema.options, 1.5),
    subjectAgeBand: pick(AgeBandSchema.options, 1.2),
    citizenship: pick(['KZ', 'UZ', 'TJ', 'KG', 'RU', 'TR', 'AE', 'KR', 'XX'], 2),
    exploitationForm: pick(ExploitationFormSchema.options, 2),
    scope: pick(TraffickingScopeSchema.options),
    identifiedBy: pick(IdentifiedBySchema.options, 2),
    identifiedYear: pick([2023, 2024, 2025]),
  }));
}

const groupSizes = (records: readonly Record<string, string>[]) => {
  const sizes = new Map<string, number>();
  for (const r of records) {
    const key = JSON.stringify(CTDC_FIELDS.map((f) => r[f]));
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  }
  return [...sizes.values()];
};

describe('the k-anonymised case dataset', () => {
  it.each([
    [11, 200, 1],
    [11, 3000, 2],
    [5, 800, 3],
    [25, 5000, 4],
  ])('with k = %i over %i victims (seed %i), no combination of the exported attributes is rarer than k, and every record is counted', (k, count, seed) => {
    const records = victims(count, seed).map(toCtdc);
    const result = kAnonymise(records, CTDC_FIELDS, CTDC_GENERALISATIONS, k);
    expect(Math.min(...groupSizes(result.records), Infinity)).toBeGreaterThanOrEqual(k);
    expect(result.records.length + result.withheld).toBe(count);
    expect(result.generalised).toBeLessThanOrEqual(result.records.length);
  });

  it('generalises no further than needed: data already k-anonymous go out as recorded', () => {
    const same = Array.from({ length: 12 }, () =>
      toCtdc({ region: 'KZ-79', subjectSex: 'FEMALE', subjectAgeBand: 'AGE_18_24', citizenship: 'UZ', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER', identifiedBy: 'NGO', identifiedYear: 2025 }),
    );
    expect(kAnonymise(same, CTDC_FIELDS, CTDC_GENERALISATIONS, 11)).toEqual({ records: same, steps: [], generalised: 0, withheld: 0 });
  });

  it('widens age, then citizenship to the region of origin, before withholding; a lone record is withheld', () => {
    const base = { region: 'KZ-79', subjectSex: 'FEMALE', exploitationForm: 'LABOUR', scope: 'CROSS_BORDER', identifiedBy: 'NGO', identifiedYear: 2025 } as const;
    const records = [
      ...Array.from({ length: 6 }, () => toCtdc({ ...base, subjectAgeBand: 'AGE_18_24', citizenship: 'UZ' })),
      ...Array.from({ length: 6 }, () => toCtdc({ ...base, subjectAgeBand: 'AGE_25_34', citizenship: 'TJ' })),
      toCtdc({ ...base, subjectSex: 'MALE', subjectAgeBand: 'AGE_60_PLUS', citizenship: 'US' }),
    ];
    const result = kAnonymise(records, CTDC_FIELDS, CTDC_GENERALISATIONS, 11);
    expect(result.steps).toEqual(['age bands widened to minor or adult (ageBroad withheld)', 'citizenship generalised to the region of origin (UN M49)']);
    expect(result).toMatchObject({ generalised: 12, withheld: 1 });
    expect(new Set(result.records.map((r) => `${r.majorityStatus}/${r.ageBroad}/${r.prs_Citizenship}`))).toEqual(new Set(['Adult//Central Asia']));
  });

  it('writes HTCDS codes, and knows the regions of origin', () => {
    expect(
      toCtdc({
        region: 'KZ-79',
        subjectSex: 'MALE',
        subjectAgeBand: 'AGE_13_17',
        citizenship: 'KG',
        exploitationForm: 'FORCED_BEGGING',
        scope: 'DOMESTIC',
        identifiedBy: 'PROSECUTOR',
        identifiedYear: 2024,
      }),
    ).toEqual({
      prs_Gender: 'Masculine',
      ageBroad: '13--17',
      majorityStatus: 'Minor',
      prs_Citizenship: 'KG',
      vic_TypeOfExploitation: 'ForcedBegging',
      isAbroad: '0',
      vic_TraffickingStatusDecisionMakingOrg: 'CourtOrProsecution',
      yearOfRegistration: '2024',
      locationOfRegistration: 'KZ-79',
    });
    expect([regionOfOrigin('UZ'), regionOfOrigin('TR'), regionOfOrigin('XX'), regionOfOrigin('AQ')]).toEqual(['Central Asia', 'Western Asia', 'Unknown', 'Other']);
  });
});
