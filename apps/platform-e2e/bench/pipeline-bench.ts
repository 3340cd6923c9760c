import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Partitioners } from 'kafkajs';
import { Pool } from 'pg';
import { DOMAIN_TOPICS, encodeEvent, TOPICS, type DomainEventOf, type RegionCode } from '@qorgau/contracts';
import { aHotlineCall, repoRoot, requiredEnv, testKafka } from '@qorgau/testing';
import { getJson, postJson, testPlatform } from '../src/platform';
import { summarizeProfiles } from './cpu-profile';

// Run with `npm run bench [-- --quick]` (scripts/bench.sh starts an isolated Kafka and databases
// first). Each figure beside a baseline measured in the same run on the same machine: the ratios
// are what to compare between runs, the machine being shared and noisy.

const quick = process.argv.includes('--quick');
// --profile: intake, the projection and the rebuild run under `node --cpu-prof`; where their time went is printed at the end.
const profiles = process.argv.includes('--profile') ? path.join(repoRoot, '.cache/bench/profiles', new Date().toISOString().replace(/[:.]/g, '-')) : null;
const profiling = (service: string) => ({ NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.join(profiles!, service)}` });
const CALLS = Number(process.env['BENCH_CALLS'] ?? (quick ? 500 : 2000));
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 32);
const LATENCY_SAMPLES = Number(process.env['BENCH_LATENCY_SAMPLES'] ?? (quick ? 50 : 200));
const OFFERED_SECONDS = Number(process.env['BENCH_OFFERED_SECONDS'] ?? (quick ? 4 : 15));
const OFFERED_RATES = [100, 250, 500];
const HISTORY_EVENTS = Number(process.env['BENCH_HISTORY_EVENTS'] ?? (quick ? 20_000 : 200_000));
const QUERY_SAMPLES = quick ? 50 : 200;
const REGIONS: readonly RegionCode[] = ['KZ-71', 'KZ-75', 'KZ-79', 'KZ-61', 'KZ-35', 'KZ-47', 'KZ-23', 'KZ-63'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A call as intake announces it: categories only. */
const callLogged = (receivedAt: string): DomainEventOf<'HotlineCallLogged'> => ({
  type: 'HotlineCallLogged',
  payload: {
    callId: randomUUID(),
    receivedAt,
    channel: 'VOICE_CALL',
    callerSex: 'FEMALE',
    callerAgeBand: 'AGE_18_24',
    callerCategory: 'PREPARING_TO_TRAVEL_ABROAD',
    topics: ['EMPLOYMENT_ABROAD'],
    destinationCountry: 'TR',
    referrals: ['LEGAL'],
    anonymous: true,
  },
});

async function main(): Promise<void> {
  const platform = testPlatform(23000);
  if (profiles) {
    platform.intake.setEnv(profiling('intake'));
    platform.projection.setEnv(profiling('projection'));
  }
  await platform.start();
  const rows: [string, string][] = [];
  const row = (label: string, value: string) => {
    rows.push([label, value]);
    console.log(`  ${label}: ${value}`);
  };
  try {
    const operator = await platform.as('hotline-operator.kz-79');
    const administrator = await platform.as('administrator');
    const analyst = await platform.as('hq-analyst');
    const applied = async () => (await getJson<{ eventsApplied: number }>(`${platform.projection.url}/health/details`, administrator)).eventsApplied;
    const logCall = async (month = '2020-06') => (await postJson(`${platform.intake.url}/hotline-calls`, aHotlineCall().inMonth(month).build(), operator)).status;
    const waitForApplied = async (target: number, timeoutMs = 600_000) => {
      const deadline = Date.now() + timeoutMs;
      while ((await applied()) < target) {
        if (Date.now() > deadline) throw new Error(`projection did not reach ${target} events`);
        await sleep(2);
      }
    };

    // Warm-up: connections, consumer group join, JIT.
    for (let i = 0; i < 20; i++) await logCall();
    await waitForApplied(20);

    // 1. One call at a time: from POST to counted in the national view.
    console.log('\none call at a time…');
    const latencies: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const before = await applied();
      const started = performance.now();
      await logCall();
      await waitForApplied(before + 1);
      latencies.push(performance.now() - started);
    }
    row('call → national view, idle, p50 / p99', `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}`);

    // 2. A burst: many operators at once, beside the same rows written by a bare pg client at the same concurrency.
    console.log(`a burst of ${CALLS} calls, ${CONCURRENCY} at a time, and the same rows with bare pg…`);
    const statuses: Record<number, number> = {};
    const beforeBurst = await applied();
    const burstStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < CALLS) {
          next += 1;
          const status = await logCall();
          statuses[status] = (statuses[status] ?? 0) + 1;
        }
      }),
    );
    const intakeRate = CALLS / ((performance.now() - burstStarted) / 1000);
    const rawRate = await rawInserts(CALLS, CONCURRENCY);
    row(`calls accepted per second (${CONCURRENCY} clients; answers ${describeStatuses(statuses)})`, `${intakeRate.toFixed(0)}/s`);
    row('the same rows by a bare pg client (call, outbox event, audit entry in one transaction)', `${rawRate.toFixed(0)}/s`);
    row('intake / bare pg', `${(intakeRate / rawRate).toFixed(2)}×`);
    await waitForApplied(beforeBurst + (statuses[201] ?? 0));

    // 3. Offered rates, open loop: what is accepted, what is shed (503), and how fresh the view stays.
    for (const rate of OFFERED_RATES) {
      console.log(`${rate} calls/s offered for ${OFFERED_SECONDS} s…`);
      const figures = await offeredLoad(rate, OFFERED_SECONDS, logCall, applied);
      row(
        `${rate} calls/s offered: accepted, shed (503), other`,
        `${figures.accepted} (${(figures.accepted / OFFERED_SECONDS).toFixed(0)}/s), ${figures.shed}, ${figures.other}; answered p99 ${ms(figures.answerP99)}`,
      );
      row(`${rate} calls/s offered: call → national view p50 / p99`, `${ms(figures.freshP50)} / ${ms(figures.freshP99)}`);
    }

    // 4. Views over a long history: events straight into intake's topic with a batched producer.
    console.log(`${HISTORY_EVENTS.toLocaleString('en')} events of history into the topic…`);
    const before = await applied();
    const producedRate = await produceHistory(HISTORY_EVENTS);
    const historyStarted = performance.now();
    await waitForApplied(before + HISTORY_EVENTS);
    const liveApplyRate = HISTORY_EVENTS / ((performance.now() - historyStarted) / 1000);
    row(`history produced straight into the topic (${HISTORY_EVENTS.toLocaleString('en')} events)`, `${producedRate.toFixed(0)} events/s`);
    row('the live projection catching up on it', `${liveApplyRate.toFixed(0)} events/s`);
    const national = await queryLatency(`${platform.projection.url}/views/national?year=2016`, analyst);
    const grant = await queryLatency(`${platform.projection.url}/views/regions/KZ-79?start=2014-03-16&end=2017-03-16`, analyst);
    row('national view of a year, p50 / p99', `${ms(national.p50)} / ${ms(national.p99)}`);
    row("a region's three-year grant period (the report's query), p50 / p99", `${ms(grant.p50)} / ${ms(grant.p99)}`);

    // 5. Replay: rebuild the views from the start of the topics, beside a raw kafkajs read of them.
    console.log('rebuild, and a raw read of the same topics…');
    const nodeOptions = process.env['NODE_OPTIONS'];
    if (profiles) process.env['NODE_OPTIONS'] = profiling('rebuild').NODE_OPTIONS;
    const rebuildOutput = await platform.rebuildProjection();
    if (nodeOptions === undefined) delete process.env['NODE_OPTIONS'];
    else process.env['NODE_OPTIONS'] = nodeOptions;
    const replayed = Number(/: (\d+) events replayed/.exec(rebuildOutput)?.[1] ?? NaN);
    const replayRate = Number(/\((\d+) events\/s\)/.exec(rebuildOutput)?.[1] ?? NaN);
    const raw = await rawRead();
    row(`rebuild replay rate (${replayed.toLocaleString('en')} events)`, `${replayRate} events/s`);
    row(`raw kafkajs read of the same topics (${raw.messages.toLocaleString('en')} messages)`, `${raw.rate.toFixed(0)} messages/s`);
    row('rebuild / raw read', `${(replayRate / raw.rate).toFixed(2)}×`);
  } finally {
    await platform.stop();
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\nQorgau pipeline benchmark${quick ? ' (--quick)' : ''}\n`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  console.log('');
  if (profiles) {
    console.log(`CPU profiles (${path.relative(repoRoot, profiles)}; open a .cpuprofile in Chromium's DevTools for the whole tree)\n`);
    for (const [service, what] of [
      ['intake', 'intake, over the whole run (the calls it took)'],
      ['projection', 'the live projection, over the whole run (the calls and the history)'],
      ['rebuild', 'the rebuild'],
    ] as const) {
      console.log(`${what}:`);
      for (const line of summarizeProfiles(path.join(profiles, service), service)) console.log(`  ${line}`);
      console.log('');
    }
  }
}

/** Calls offered at a steady rate regardless of answers; freshness from each accepted call's send to its count in the view. */
async function offeredLoad(rate: number, seconds: number, logCall: (month?: string) => Promise<number>, applied: () => Promise<number>) {
  const base = await applied();
  const total = rate * seconds;
  const sends: { at: number; answeredAt?: number; status?: number }[] = [];
  const reached: { count: number; at: number }[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const count = await applied().catch(() => -1);
      if (count >= 0) reached.push({ count: count - base, at: performance.now() });
      await sleep(5);
    }
  })();
  const started = performance.now();
  const posts: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const send: (typeof sends)[number] = { at: performance.now() };
    sends.push(send);
    posts.push(
      logCall('2021-03').then(
        (status) => void Object.assign(send, { status, answeredAt: performance.now() }),
        () => void Object.assign(send, { status: 0, answeredAt: performance.now() }),
      ),
    );
  }
  await Promise.all(posts);
  const accepted = sends.filter((s) => s.status === 201);
  const deadline = Date.now() + 120_000;
  while ((reached.at(-1)?.count ?? 0) < accepted.length && Date.now() < deadline) await sleep(20);
  polling = false;
  await poller;
  // The k-th accepted call (in the order sent) is counted once the view holds k of them.
  const fresh = accepted.map((send, k) => (reached.find((r) => r.count >= k + 1)?.at ?? NaN) - send.at).filter(Number.isFinite);
  return {
    accepted: accepted.length,
    shed: sends.filter((s) => s.status === 503).length,
    other: sends.filter((s) => s.status !== 201 && s.status !== 503).length,
    answerP99: percentile(
      accepted.map((s) => s.answeredAt! - s.at),
      99,
    ),
    freshP50: percentile(fresh, 50),
    freshP99: percentile(fresh, 99),
  };
}

/** What intake writes for a call, by a bare pg pool at the same concurrency: the call, its outbox event and its audit entry (last, as intake's), in one transaction. */
async function rawInserts(count: number, concurrency: number): Promise<number> {
  const pool = new Pool({ connectionString: requiredEnv('INTAKE_DATABASE_URL'), max: concurrency });
  try {
    // The calls and events in tables of their own (the relay must not publish them); the audit entries
    // in the real trail (a bench database), through its hash chain as intake's are.
    await pool.query(`DROP TABLE IF EXISTS bench_call, bench_outbox`);
    await pool.query(`CREATE TABLE bench_call (LIKE hotline_call INCLUDING ALL)`);
    await pool.query(`CREATE TABLE bench_outbox (LIKE outbox_event INCLUDING DEFAULTS)`);
    const event = encodeEvent({ event: callLogged(new Date().toISOString()), region: 'KZ-79', producer: 'intake', occurredAt: new Date(), correlationId: randomUUID() });
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const client = await pool.connect();
        try {
          while (next < count) {
            next += 1;
            const id = randomUUID();
            await client.query('BEGIN');
            await client.query(
              `INSERT INTO bench_call (id, region, received_at, channel, caller_sex, caller_age_band, caller_category, topics, referrals, logged_by) VALUES ($1, 'KZ-79', now(), 'VOICE_CALL', 'FEMALE', 'AGE_18_24', 'ACQUAINTANCE', '{EMPLOYMENT_ABROAD}', '{}', 'bench')`,
              [id],
            );
            await client.query(`INSERT INTO bench_outbox (event_id, topic, key, type, value, headers) VALUES ($1, $2, $3, $4, $5, $6)`, [
              randomUUID(),
              event.topic,
              id,
              event.type,
              event.value,
              event.headers,
            ]);
            await client.query(
              `INSERT INTO audit_entry (actor, actor_role, actor_region, action, record_type, record_id, operation, source_ip, correlation_id) VALUES ('bench', 'HOTLINE_OPERATOR', 'KZ-79', 'CREATE', 'HOTLINE_CALL', $1, 'LogHotlineCall', '127.0.0.1', $2)`,
              [id, randomUUID()],
            );
            await client.query('COMMIT');
          }
        } finally {
          client.release();
        }
      }),
    );
    return count / ((performance.now() - started) / 1000);
  } finally {
    await pool.query(`DROP TABLE IF EXISTS bench_call, bench_outbox`).catch(() => undefined);
    await pool.end();
  }
}

/** Ten years of calls across the project's regions, as intake would announce them, in batches. */
async function produceHistory(count: number): Promise<number> {
  const producer = testKafka('bench-history').producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
  const started = performance.now();
  try {
    const start = Date.UTC(2010, 0, 1);
    const span = Date.UTC(2020, 0, 1) - start;
    for (let sent = 0; sent < count;) {
      // A request stays under the broker's 1 MB message.max.bytes.
      const batch = Math.min(1_000, count - sent);
      const messages = Array.from({ length: batch }, (_, i) => {
        const receivedAt = new Date(start + (((sent + i) * 7919) % span)).toISOString();
        const encoded = encodeEvent({
          event: callLogged(receivedAt),
          region: REGIONS[(sent + i) % REGIONS.length]!,
          producer: 'intake',
          occurredAt: receivedAt,
          correlationId: randomUUID(),
        });
        return { key: encoded.key, value: encoded.value, headers: encoded.headers };
      });
      await producer.send({ topic: TOPICS.intake, acks: -1, messages });
      sent += batch;
    }
    return count / ((performance.now() - started) / 1000);
  } finally {
    await producer.disconnect();
  }
}

/** Every domain topic read from the start by a bare kafkajs consumer, nothing done with the messages. */
async function rawRead(): Promise<{ messages: number; rate: number }> {
  const kafka = testKafka('bench-raw-read');
  const admin = kafka.admin();
  await admin.connect();
  let total = 0;
  for (const topic of DOMAIN_TOPICS) for (const partition of await admin.fetchTopicOffsets(topic)) total += Number(partition.high) - Number(partition.low);
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `bench-raw-read-${randomUUID()}`, maxWaitTimeInMs: 250 });
  await consumer.connect();
  await consumer.subscribe({ topics: [...DOMAIN_TOPICS], fromBeginning: true });
  let read = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        read += batch.messages.length;
        if (read >= total) resolve();
      },
    });
  });
  const rate = read / ((performance.now() - started) / 1000);
  await consumer.disconnect();
  return { messages: read, rate };
}

async function queryLatency(url: string, headers: Record<string, string>) {
  const samples: number[] = [];
  for (let i = 0; i < QUERY_SAMPLES; i++) {
    const started = performance.now();
    await getJson(url, headers);
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const describeStatuses = (statuses: Record<number, number>) =>
  Object.entries(statuses)
    .map(([status, n]) => `${n} × ${status}`)
    .join(', ');

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

main().catch((error: unknown) => {
  console.error(`benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
