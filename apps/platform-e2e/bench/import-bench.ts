import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@qorgau/testing';
import { LOCAL_PASSWORD, testPlatform } from '../src/platform';

// Run with `npm run bench` (after the pipeline benchmark, on the same isolated Kafka and databases).
// Issue #14's budget: 100,000 rows of past calls imported in under 2 minutes on this machine.

const ROWS = Number(process.env['BENCH_IMPORT_ROWS'] ?? 100_000);
const BUDGET_S = 120;

async function main(): Promise<void> {
  const platform = testPlatform(25000);
  await platform.start();
  try {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'qorgau-import-bench-')), 'calls.csv');
    const lines = ['Region,Received at,Channel,Caller sex,Caller age band,Caller category,Topics,Destination country,Source id'];
    for (let i = 0; i < ROWS; i++) {
      const day = new Date(Date.UTC(2016, 0, 1) + (i % 1461) * 86_400_000).toISOString().slice(0, 10);
      lines.push(`KZ-47,${day} 10:00,${i % 2 ? 'WHATSAPP' : 'VOICE_CALL'},${i % 3 ? 'FEMALE' : 'MALE'},AGE_25_34,ACQUAINTANCE,EMPLOYMENT_ABROAD,AE,BENCH-${i}`);
    }
    writeFileSync(file, lines.join('\r\n') + '\r\n');
    const started = performance.now();
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'tools/import/import.mjs'), file, '--as', 'hotline-operator.kz-47'], {
      cwd: repoRoot,
      env: { ...process.env, QORGAU_INTAKE_URL: platform.urls().intake, QORGAU_IDENTITY_URL: platform.urls().identity, QORGAU_LOCAL_PASSWORD: LOCAL_PASSWORD },
      maxBuffer: 16 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log('\nImport of past calls from a CSV file (npm run import), every row through intake’s rules, audit trail and outbox');
    console.log(`  ${stdout.trim()}`);
    console.log(
      `  ${ROWS.toLocaleString('en')} rows in ${seconds.toFixed(1)} s, ${Math.round(ROWS / seconds).toLocaleString('en')} rows/s (budget ${BUDGET_S} s for 100,000: ${seconds * (100_000 / ROWS) <= BUDGET_S ? 'within' : 'OVER'})`,
    );
  } finally {
    await platform.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
