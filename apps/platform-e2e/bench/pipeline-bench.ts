import { aHotlineCall } from '@qorgau/testing';
import { getJson, postJson, testPlatform } from '../src/platform';

// Run with `npm run bench` (scripts/bench.sh starts an isolated Kafka and databases first).

const CALLS = Number(process.env['BENCH_CALLS'] ?? 2000);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 16);
const LATENCY_SAMPLES = Number(process.env['BENCH_LATENCY_SAMPLES'] ?? 200);

async function main(): Promise<void> {
  const platform = testPlatform(23000);
  await platform.start();
  try {
    const operator = await platform.as('hotline-operator.kz-79');
    const administrator = await platform.as('administrator');
    const applied = async () => (await getJson<{ eventsApplied: number }>(`${platform.projection.url}/health/details`, administrator)).eventsApplied;
    const logCall = async () => {
      const response = await postJson(`${platform.intake.url}/hotline-calls`, aHotlineCall().inMonth('2020-06').build(), operator);
      if (response.status !== 201) throw new Error(`intake answered ${response.status}`);
    };
    const waitForApplied = async (target: number, timeoutMs = 300_000) => {
      const deadline = Date.now() + timeoutMs;
      while ((await applied()) < target) {
        if (Date.now() > deadline) throw new Error(`projection did not reach ${target} events`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };

    // Warm-up: connections, consumer group join, JIT.
    for (let i = 0; i < 20; i++) await logCall();
    let expected = 20;
    await waitForApplied(expected);

    // 1. One call at a time: from POST to counted in the national view.
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const started = performance.now();
      await logCall();
      expected += 1;
      await waitForApplied(expected);
      latencies.push(performance.now() - started);
    }

    // 2. A burst: many operators at once.
    const burstStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < CALLS) {
          next += 1;
          await logCall();
        }
      }),
    );
    const intakeSeconds = (performance.now() - burstStarted) / 1000;
    expected += CALLS;
    await waitForApplied(expected);
    const pipelineSeconds = (performance.now() - burstStarted) / 1000;

    // 3. Replay: rebuild the views from the start of the topics.
    const rebuildOutput = await platform.rebuildProjection();
    const replayRate = Number(/\((\d+) events\/s\)/.exec(rebuildOutput)?.[1] ?? NaN);

    const liveRate = CALLS / pipelineSeconds;
    const rows: [string, string][] = [
      ['call → national view latency, p50', `${percentile(latencies, 50).toFixed(1)} ms`],
      ['call → national view latency, p95', `${percentile(latencies, 95).toFixed(1)} ms`],
      ['call → national view latency, p99', `${percentile(latencies, 99).toFixed(1)} ms`],
      ['call → national view latency, max', `${Math.max(...latencies).toFixed(1)} ms`],
      [`intake throughput (${CALLS} calls, ${CONCURRENCY} at a time)`, `${(CALLS / intakeSeconds).toFixed(0)} calls/s`],
      ['pipeline throughput (logged and counted)', `${liveRate.toFixed(0)} events/s`],
      [`rebuild replay rate (${expected} events)`, `${replayRate} events/s`],
      ['replay rate / live pipeline rate', `${(replayRate / liveRate).toFixed(2)}×`],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(`\nQorgau pipeline benchmark (${LATENCY_SAMPLES} latency samples)\n`);
    for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
    console.log('');
  } finally {
    await platform.stop();
  }
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

main().catch((error: unknown) => {
  console.error(`benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
