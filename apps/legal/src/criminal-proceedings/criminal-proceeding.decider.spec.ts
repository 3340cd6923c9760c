import { specification } from '@qorgau/testing';
import { advance, deliverVerdict, type CriminalProceeding, type Stage, type Verdict } from './criminal-proceeding.decider';

const at = (day: number) => new Date(Date.UTC(2026, 2, day));
const proceeding = (overrides: Partial<CriminalProceeding> = {}): CriminalProceeding => ({ stage: 'COMPLAINT', stageAt: at(1), verdict: null, ...overrides });
const stages = specification((state: CriminalProceeding, command: { to: Stage; at: Date }) => advance(state, command.to, command.at));
const verdicts = specification((state: CriminalProceeding, command: { verdict: Verdict; sentenceYears: number | null; at: Date }) =>
  deliverVerdict(state, command.verdict, command.sentenceYears, command.at),
);

describe('criminal proceedings', () => {
  it('move forward, possibly skipping a stage', () => {
    stages
      .given(proceeding())
      .when({ to: 'INVESTIGATION', at: at(2) })
      .then({ stage: 'INVESTIGATION', stageAt: at(2) });
    stages
      .given(proceeding())
      .when({ to: 'PROSECUTION', at: at(2) })
      .then({ stage: 'PROSECUTION', stageAt: at(2) });
  });

  it('never move back or stay', () => {
    stages
      .given(proceeding({ stage: 'PROSECUTION' }))
      .when({ to: 'INVESTIGATION', at: at(5) })
      .thenRefused('stages-move-forward', null);
    stages
      .given(proceeding({ stage: 'TRIAL' }))
      .when({ to: 'TRIAL', at: at(5) })
      .thenRefused('stages-move-forward', null);
  });

  it('refuse a stage dated before the previous one, naming the field', () => {
    stages
      .given(proceeding({ stageAt: at(10) }))
      .when({ to: 'INVESTIGATION', at: at(2) })
      .thenRefused('stages-in-order', 'at');
  });

  it('end with a verdict at trial, and only once', () => {
    verdicts
      .given(proceeding({ stage: 'TRIAL' }))
      .when({ verdict: 'CONVICTION', sentenceYears: 8, at: at(20) })
      .then({ verdict: 'CONVICTION', sentenceYears: 8, deliveredAt: at(20) });
    verdicts
      .given(proceeding({ stage: 'PROSECUTION' }))
      .when({ verdict: 'CONVICTION', sentenceYears: 8, at: at(20) })
      .thenRefused('verdict-at-trial', null);
    verdicts
      .given(proceeding({ stage: 'TRIAL', verdict: 'ACQUITTAL' }))
      .when({ verdict: 'CONVICTION', sentenceYears: 8, at: at(20) })
      .thenRefused('verdict-is-final', null);
    stages
      .given(proceeding({ stage: 'TRIAL', verdict: 'CONVICTION' }))
      .when({ to: 'TRIAL', at: at(21) })
      .thenRefused('verdict-is-final', null);
  });

  it('give no sentence on an acquittal, and no verdict before the trial began', () => {
    verdicts
      .given(proceeding({ stage: 'TRIAL' }))
      .when({ verdict: 'ACQUITTAL', sentenceYears: 3, at: at(20) })
      .thenRefused('no-sentence-on-acquittal', 'sentenceYears');
    verdicts
      .given(proceeding({ stage: 'TRIAL', stageAt: at(20) }))
      .when({ verdict: 'CONVICTION', sentenceYears: 3, at: at(19) })
      .thenRefused('stages-in-order', 'deliveredAt');
  });
});
