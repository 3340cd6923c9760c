import { suppress, type Cell, type SuppressionRules } from './suppression';

const rules: SuppressionRules = {
  threshold: 5,
  countsPeople: (indicator) => indicator !== 'materials_distributed',
  additive: (_, dimension) => dimension !== 'topic',
  national: 'KZ',
};
const cell = (orgUnit: string, dimension: string, value: string, count: number, indicator = 'victims_identified'): Cell => ({ indicator, orgUnit, dimension, value, count });
const statusOf = (cells: ReturnType<typeof suppress>, orgUnit: string, dimension: string, value: string) =>
  cells.find((c) => c.orgUnit === orgUnit && c.dimension === dimension && c.value === value)?.confidentiality;

describe('small-cell suppression', () => {
  it('withholds a count of people below the threshold, and publishes the rest', () => {
    const out = suppress([cell('KZ-79', 'total', 'all', 12), cell('KZ-79', 'sex', 'FEMALE', 9), cell('KZ-79', 'sex', 'MALE', 3)], rules);
    expect(statusOf(out, 'KZ-79', 'sex', 'MALE')).toBe('C');
    expect(statusOf(out, 'KZ-79', 'total', 'all')).not.toBe('C');
  });

  it('also withholds the cell from which the small one could be derived: total 12 − FEMALE 9 = MALE 3', () => {
    const out = suppress([cell('KZ-79', 'total', 'all', 12), cell('KZ-79', 'sex', 'FEMALE', 9), cell('KZ-79', 'sex', 'MALE', 3)], rules);
    expect(statusOf(out, 'KZ-79', 'sex', 'FEMALE')).toBe('D');
    expect(statusOf(out, 'KZ-79', 'total', 'all')).toBe('F');
  });

  it('withholds an average over fewer people than the threshold: three stays averaging 40 nights tell about those three', () => {
    const averages: SuppressionRules = { ...rules, countsPeople: (indicator) => indicator === 'shelter_exits', divisor: (indicator) => (indicator === 'average_stay_nights' ? 'shelter_exits' : null) };
    const out = suppress(
      [
        cell('KZ-79', 'total', 'all', 3, 'shelter_exits'),
        cell('KZ-79', 'total', 'all', 40, 'average_stay_nights'),
        cell('KZ-71', 'total', 'all', 12, 'shelter_exits'),
        cell('KZ-71', 'total', 'all', 21, 'average_stay_nights'),
      ],
      averages,
    );
    const of = (orgUnit: string, indicator: string) => out.find((c) => c.orgUnit === orgUnit && c.indicator === indicator)!.confidentiality;
    expect([of('KZ-79', 'average_stay_nights'), of('KZ-71', 'average_stay_nights')]).toEqual(['C', 'F']);
  });

  it('withholds a second region when one region’s small count could be derived from the national figure', () => {
    const out = suppress([cell('KZ', 'total', 'all', 20), cell('KZ-79', 'total', 'all', 3), cell('KZ-71', 'total', 'all', 17)], rules);
    expect(statusOf(out, 'KZ-79', 'total', 'all')).toBe('C');
    expect(statusOf(out, 'KZ-71', 'total', 'all')).toBe('D');
    expect(statusOf(out, 'KZ', 'total', 'all')).toBe('F');
  });

  it('follows a withheld cell into every group it belongs to', () => {
    // MALE in KZ-79 is small; withholding FEMALE in KZ-79 makes the national FEMALE figure's group need a second cell too.
    const out = suppress(
      [
        cell('KZ', 'total', 'all', 30),
        cell('KZ', 'sex', 'FEMALE', 25),
        cell('KZ', 'sex', 'MALE', 5),
        cell('KZ-79', 'total', 'all', 12),
        cell('KZ-79', 'sex', 'FEMALE', 9),
        cell('KZ-79', 'sex', 'MALE', 3),
        cell('KZ-71', 'total', 'all', 18),
        cell('KZ-71', 'sex', 'FEMALE', 16),
        cell('KZ-71', 'sex', 'MALE', 2),
      ],
      rules,
    );
    const hidden = out.filter((c) => c.confidentiality !== 'F').map((c) => `${c.orgUnit}/${c.dimension}/${c.value}:${c.confidentiality}`);
    expect(hidden).toEqual(expect.arrayContaining(['KZ-79/sex/MALE:C', 'KZ-71/sex/MALE:C', 'KZ-79/sex/FEMALE:D', 'KZ-71/sex/FEMALE:D']));
    // No additive group is left with exactly one withheld cell.
    const groups = [
      ['KZ-79', 'sex'],
      ['KZ-71', 'sex'],
      ['KZ', 'sex'],
    ].map(([org, dim]) => out.filter((c) => c.orgUnit === org && (c.dimension === dim || c.dimension === 'total')));
    for (const group of groups) expect(group.filter((c) => c.confidentiality !== 'F').length).not.toBe(1);
    for (const value of ['FEMALE', 'MALE']) expect(out.filter((c) => c.dimension === 'sex' && c.value === value && c.confidentiality !== 'F').length).not.toBe(1);
  });

  it('never withholds counts that are not of people, nor zeros', () => {
    const out = suppress([cell('KZ-79', 'total', 'all', 2, 'materials_distributed'), cell('KZ-79', 'total', 'all', 0)], rules);
    expect(out.map((c) => c.confidentiality)).toEqual(['F', 'F']);
  });

  it('does not derive across a dimension whose values overlap (a call about two topics)', () => {
    const out = suppress([cell('KZ-79', 'total', 'all', 10, 'hotline_calls'), cell('KZ-79', 'topic', 'A', 9, 'hotline_calls'), cell('KZ-79', 'topic', 'B', 2, 'hotline_calls')], rules);
    expect(out.map((c) => c.confidentiality)).toEqual(['F', 'F', 'C']);
  });
});
