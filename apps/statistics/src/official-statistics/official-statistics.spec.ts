import { completed } from './official-statistics.controller';

describe('official statistics as partners send them', () => {
  it('records what a breakdown leaves unsaid as not specified, so each adds up to the total', () => {
    expect(completed(59, { exploitation_form: { LABOUR: 12 }, citizenship_group: { FOREIGN: 3 } })).toEqual({
      exploitation_form: { LABOUR: 12, NOT_SPECIFIED: 47 },
      citizenship_group: { FOREIGN: 3, NOT_SPECIFIED: 56 },
    });
  });

  it('keeps a breakdown that adds up, and adds to a remainder the partner named', () => {
    expect(completed(5, { exploitation_form: { LABOUR: 2, SEXUAL: 3 } })).toEqual({ exploitation_form: { LABOUR: 2, SEXUAL: 3 } });
    expect(completed(5, { exploitation_form: { LABOUR: 2, NOT_SPECIFIED: 1 } })).toEqual({ exploitation_form: { LABOUR: 2, NOT_SPECIFIED: 3 } });
  });
});
