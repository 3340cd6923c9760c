import { FAULTS, runTrial, trialTable, type Trial, type TrialFigures } from '../src/fault-trials';
import { testPlatform } from '../src/platform';

// `npm run faults` (scripts/faults.sh starts an isolated Kafka and *_faults databases first): the
// broker, the projection and intake each killed with kill -9 under a steady load of calls, then
// PostgreSQL restarted. Prints, for each: calls offered, accepted, stored and counted; lost and
// doubled; what the clients met on the way; and how soon the views caught up.
//   FAULTS_RATE (calls/s, default 50), FAULTS_SECONDS (30; --quick: 10), FAULTS_SKIP_POSTGRES=1

const quick = process.argv.includes('--quick');
const RATE = Number(process.env['FAULTS_RATE'] ?? 50);
const SECONDS = Number(process.env['FAULTS_SECONDS'] ?? (quick ? 10 : 30));

async function main(): Promise<void> {
  const platform = testPlatform(26000);
  await platform.start();
  const results: TrialFigures[] = [];
  try {
    const trials: { name: string; month: string; fault: Trial['fault']; before?: () => Promise<void> }[] = [
      { name: 'broker kill -9', month: '2015-01', fault: FAULTS.broker },
      { name: 'projection kill -9', month: '2015-02', fault: FAULTS.projection },
      { name: 'one of two projections kill -9', month: '2015-05', fault: FAULTS.projectionReplica, before: () => platform.projectionReplica.start() },
      { name: 'intake kill -9', month: '2015-03', fault: FAULTS.intake },
      ...(process.env['FAULTS_SKIP_POSTGRES'] === '1' ? [] : [{ name: 'PostgreSQL restart', month: '2015-04', fault: FAULTS.postgres }]),
    ];
    for (const trial of trials) {
      await trial.before?.();
      console.log(`${trial.name}: ${RATE} calls/s for ${SECONDS} s, the fault a third of the way in…`);
      results.push(await runTrial(platform, { ...trial, region: 'KZ-79', ratePerSecond: RATE, seconds: SECONDS }));
    }
  } finally {
    await platform.stop();
  }
  console.log(`\nQorgau fault trials (${RATE} calls/s offered, ${SECONDS} s each; each client retries with its Idempotency-Key)\n`);
  console.log(trialTable(results));
  const bad = results.filter((r) => r.lost > 0 || r.doubled > 0);
  console.log(bad.length === 0 ? '\nNo call lost, none counted twice.' : `\nLOST OR DOUBLED in: ${bad.map((r) => r.trial).join(', ')}`);
  if (bad.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
