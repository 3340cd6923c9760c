import { FAULTS, runTrial, trialTable, type TrialFigures } from './fault-trials';
import { testPlatform } from './platform';

/**
 * The short version of `npm run faults`: the broker and then the projection killed with SIGKILL
 * under a steady load of calls, and one of two projection processes sharing the work. Not a call
 * may be lost or counted twice, and the views catch up.
 * (Killing intake and restarting PostgreSQL are in `npm run faults` only: the database is the
 * machine's, shared with whatever else runs.)
 */
describe('faults under load', () => {
  const platform = testPlatform(19000);
  const results: TrialFigures[] = [];

  beforeAll(() => platform.start(), 120_000);
  afterAll(async () => {
    if (results.length > 0) console.log(`fault trials:\n${trialTable(results)}`);
    await platform.stop();
  });

  it.each([
    ['broker', '2014-01', FAULTS.broker],
    ['projection', '2014-02', FAULTS.projection],
  ] as const)(
    '%s killed with kill -9 under 20 calls/s: every accepted call counted once, none twice',
    async (name, month, fault) => {
      const figures = await runTrial(platform, { name: `${name} kill -9`, region: 'KZ-35', month, ratePerSecond: 20, seconds: 12, fault });
      results.push(figures);
      expect({ lost: figures.lost, doubled: figures.doubled, unanswered: figures.unanswered }).toEqual({ lost: 0, doubled: 0, unanswered: 0 });
      expect(figures.accepted).toBe(figures.offered);
      expect(figures.counted).toBe(figures.stored);
      expect(figures.stored).toBe(figures.accepted);
      expect(figures.catchUpSeconds).not.toBeNull();
    },
    180_000,
  );

  it('one of two projection processes killed with kill -9 under load: the other takes its partitions over, every call counted once', async () => {
    await platform.projectionReplica.start();
    const figures = await runTrial(platform, { name: 'one of two projections kill -9', region: 'KZ-35', month: '2014-03', ratePerSecond: 20, seconds: 12, fault: FAULTS.projectionReplica });
    results.push(figures);
    expect({ lost: figures.lost, doubled: figures.doubled, unanswered: figures.unanswered }).toEqual({ lost: 0, doubled: 0, unanswered: 0 });
    expect([figures.accepted, figures.stored, figures.counted]).toEqual([figures.offered, figures.offered, figures.offered]);
  }, 180_000);
});
