import { withholdSmall } from './case-progress.query';

describe("HQ's case funnel", () => {
  it('withholds counts of cases from 1 to below the threshold, and shows zero and larger counts', () => {
    expect(withholdSmall({ opened: 12, identified: 4, assisted: 1, closed: 5, returnedHome: 0, reintegrated: 3 }, 5)).toEqual({
      opened: 12,
      identified: null,
      assisted: null,
      closed: 5,
      returnedHome: 0,
      reintegrated: null,
    });
  });
});
