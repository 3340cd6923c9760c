import { accept, refuse, type Decision } from '@qorgau/domain';

export const STAGES = ['COMPLAINT', 'INVESTIGATION', 'PROSECUTION', 'TRIAL'] as const;
export type Stage = (typeof STAGES)[number];
export type Verdict = 'CONVICTION' | 'ACQUITTAL';

export interface CriminalProceeding {
  readonly stage: Stage;
  readonly stageAt: Date;
  readonly verdict: Verdict | null;
}

/**
 * Criminal proceedings move forward only — complaint, investigation, prosecution, trial — and end
 * with a verdict at trial. Stages may be skipped (a case may reach the NGO already under investigation).
 */
export function advance(proceeding: CriminalProceeding, to: Stage, at: Date): Decision<{ stage: Stage; stageAt: Date }> {
  if (proceeding.verdict) return refuse({ rule: 'verdict-is-final', message: `the proceedings ended with ${proceeding.verdict}; they cannot move on` });
  if (STAGES.indexOf(to) <= STAGES.indexOf(proceeding.stage)) {
    return refuse({
      rule: 'stages-move-forward',
      message: `the proceedings are at ${proceeding.stage}; they can only move to a later stage (${STAGES.slice(STAGES.indexOf(proceeding.stage) + 1).join(', ') || 'none left'})`,
    });
  }
  if (at < proceeding.stageAt) return refuse({ rule: 'stages-in-order', field: 'at', message: `cannot be before the previous stage (${proceeding.stageAt.toISOString()})` });
  return accept({ stage: to, stageAt: at });
}

export function deliverVerdict(
  proceeding: CriminalProceeding,
  verdict: Verdict,
  sentenceYears: number | null,
  at: Date,
): Decision<{ verdict: Verdict; sentenceYears: number | null; deliveredAt: Date }> {
  if (proceeding.verdict) return refuse({ rule: 'verdict-is-final', message: `a verdict (${proceeding.verdict}) was already delivered` });
  if (proceeding.stage !== 'TRIAL') return refuse({ rule: 'verdict-at-trial', message: `a verdict is delivered at trial; the proceedings are at ${proceeding.stage} (move them to TRIAL first)` });
  if (verdict === 'ACQUITTAL' && sentenceYears !== null) return refuse({ rule: 'no-sentence-on-acquittal', field: 'sentenceYears', message: 'an acquittal has no sentence' });
  if (at < proceeding.stageAt) return refuse({ rule: 'stages-in-order', field: 'deliveredAt', message: `cannot be before the trial began (${proceeding.stageAt.toISOString()})` });
  return accept({ verdict, sentenceYears, deliveredAt: at });
}
