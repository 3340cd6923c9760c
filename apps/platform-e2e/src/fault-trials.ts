import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { RegionCode } from '@qorgau/contracts';
import { aHotlineCall, requiredEnv } from '@qorgau/testing';
import { getJson, type Figures, type testPlatform } from './platform';

type Platform = ReturnType<typeof testPlatform>;

/** What a trial saw: the calls offered, how the clients fared, and what intake stored and the views counted. */
export interface TrialFigures {
  readonly trial: string;
  readonly offered: number;
  /** Calls whose client had a success (201, or the first answer replayed for its Idempotency-Key). */
  readonly accepted: number;
  /** Calls in intake's database. */
  readonly stored: number;
  /** Calls in the national view. */
  readonly counted: number;
  /** Accepted but not counted. */
  readonly lost: number;
  /** Counted more often than stored. */
  readonly doubled: number;
  /** Answers other than success on the way (retried with the same key), by status; "network" for no answer. */
  readonly clientErrors: Readonly<Record<string, number>>;
  /** Calls whose client gave up without a success (each still stored at most once). */
  readonly unanswered: number;
  /** From the end of the load until the view counted every stored call; null if it never did. */
  readonly catchUpSeconds: number | null;
}

export interface Trial {
  readonly name: string;
  readonly region: RegionCode;
  /** A month no other trial or test uses: its calls are the trial's alone. */
  readonly month: string;
  readonly ratePerSecond: number;
  readonly seconds: number;
  /** Breaks something and mends it, while the load runs. */
  readonly fault: (platform: Platform) => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A steady load of hotline calls, with a fault a third of the way in. Each call is a client as the web
 * application is one: its own Idempotency-Key, retried with that key after a refusal to take it (503),
 * no answer, or a key still being processed (409), until it has a success or a minute has passed.
 */
export async function runTrial(platform: Platform, trial: Trial): Promise<TrialFigures> {
  const operator = await platform.as(`hotline-operator.${trial.region.toLowerCase()}`);
  const clientErrors: Record<string, number> = {};
  let accepted = 0;
  let unanswered = 0;
  const logCall = async () => {
    const key = randomUUID();
    const body = JSON.stringify(aHotlineCall().fromRegion(trial.region).inMonth(trial.month).build());
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      let status: string;
      let retryAfter = 0.25;
      try {
        const response = await fetch(`${platform.intake.url}/hotline-calls`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key, ...operator },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        if (response.status === 201) {
          accepted += 1;
          return;
        }
        status = String(response.status);
        retryAfter = Number(response.headers.get('retry-after') ?? retryAfter);
      } catch {
        status = 'network';
      }
      clientErrors[status] = (clientErrors[status] ?? 0) + 1;
      // Anything but these is the request's own fault: retrying would not help.
      if (!['503', '502', '504', '409', 'network'].includes(status)) break;
      await sleep(retryAfter * 1000);
    }
    unanswered += 1;
  };

  const calls: Promise<void>[] = [];
  const offered = Math.round(trial.ratePerSecond * trial.seconds);
  const started = performance.now();
  let fault: Promise<void> | null = null;
  for (let i = 0; i < offered; i++) {
    const due = started + (i * 1000) / trial.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (!fault && i >= offered / 3) fault = trial.fault(platform);
    calls.push(logCall());
  }
  await Promise.all(calls);
  await fault;
  const loadEnded = performance.now();

  const stored = await storedCalls(trial);
  const counted = () => countedCalls(platform, trial);
  let catchUpSeconds: number | null = null;
  let seen = await counted();
  for (const giveUp = Date.now() + 120_000; Date.now() < giveUp; seen = await counted()) {
    if (seen >= stored) {
      catchUpSeconds = (performance.now() - loadEnded) / 1000;
      break;
    }
    await sleep(100);
  }
  // A double count would show only after a while: the view is read again once settled.
  await sleep(1_000);
  seen = await counted();
  return {
    trial: trial.name,
    offered,
    accepted,
    stored,
    counted: seen,
    lost: Math.max(0, accepted - seen),
    doubled: Math.max(0, seen - stored),
    clientErrors,
    unanswered,
    catchUpSeconds,
  };
}

async function storedCalls(trial: Trial): Promise<number> {
  const db = new Client({ connectionString: requiredEnv('INTAKE_DATABASE_URL') });
  await db.connect();
  try {
    const start = `${trial.month}-01`;
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM hotline_call WHERE region = $1 AND received_at >= ($2::date - interval '1 day') AND received_at < ($2::date + interval '1 month 1 day')`,
      [trial.region, start],
    );
    return Number(rows[0]!.n);
  } finally {
    await db.end();
  }
}

async function countedCalls(platform: Platform, trial: Trial): Promise<number> {
  try {
    const figures = await getJson<Figures>(`${platform.projection.url}/views/regions/${trial.region}?month=${trial.month}`, await platform.as('hq-analyst'));
    return figures.metrics['hotline_calls']?.total ?? 0;
  } catch {
    // The projection may be restarting.
    return 0;
  }
}

/** The trials of issue #16: each component killed under steady load, and the database restarted. */
export const FAULTS = {
  broker: async (platform: Platform) => {
    await platform.kafkaBroker('kill');
    await sleep(1_000);
    await platform.kafkaBroker('start');
  },
  projection: async (platform: Platform) => {
    await platform.projection.kill();
    await platform.projection.start();
  },
  /** One of two projection processes killed for good: the other takes its partitions over. */
  projectionReplica: async (platform: Platform) => {
    await platform.projectionReplica.kill();
  },
  intake: async (platform: Platform) => {
    await platform.intake.kill();
    await platform.intake.start();
  },
  postgres: async (platform: Platform) => {
    await platform.restartPostgres();
  },
} as const;

/** The figures as a table, one trial a row. */
export function trialTable(results: readonly TrialFigures[]): string {
  const header = ['trial', 'offered', 'accepted', 'stored', 'counted', 'lost', 'doubled', 'unanswered', 'client errors on the way (retried)', 'caught up'];
  const rows = results.map((r) => [
    r.trial,
    String(r.offered),
    String(r.accepted),
    String(r.stored),
    String(r.counted),
    String(r.lost),
    String(r.doubled),
    String(r.unanswered),
    Object.entries(r.clientErrors)
      .map(([status, n]) => `${n} × ${status}`)
      .join(', ') || 'none',
    r.catchUpSeconds === null ? 'never' : `${r.catchUpSeconds.toFixed(1)} s after the load`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  return [header, ...rows].map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n');
}
