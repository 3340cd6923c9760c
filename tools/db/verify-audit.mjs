#!/usr/bin/env node
// Verifies each service's audit hash chain (npm run audit:verify -- [service...]): every entry's hash
// must match its content and the entry before it, and the sequence must have no gap. A deleted or
// altered entry shows as the first place where the chain breaks. Exit 1 when any chain is broken.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { databaseUrl } from './migrate.mjs';

// The services that keep personal data keep an audit trail (libs/contracts/src/services.json).
const AUDITED = JSON.parse(readFileSync(new URL('../../libs/contracts/src/services.json', import.meta.url), 'utf8'))
  .apps.filter((app) => app.personalData)
  .map((app) => app.name);
const ZEROS = '0'.repeat(64);

const USAGE = `Usage: npm run audit:verify -- [service...]

Checks the audit trail's hash chain of ${AUDITED.join(', ')} (default: all).
Environment: as for npm run migrate (PG_URL, QORGAU_DB_SUFFIX, <SERVICE>_DATABASE_URL).`;

/** The first break in one service's chain, or null; with the number of entries checked. */
export async function verifyChain(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`
      SELECT chain_seq::text AS seq, hash, prev_hash,
             lag(chain_seq) OVER w AS previous_seq, lag(hash) OVER w AS previous_hash,
             audit_entry_hash(prev_hash, chain_seq, at, actor, actor_role, actor_region, action, record_type, record_id, operation, source_ip, correlation_id) AS recomputed
        FROM audit_entry WHERE chain_seq IS NOT NULL
      WINDOW w AS (ORDER BY chain_seq) ORDER BY chain_seq`);
    const unchained = Number((await client.query('SELECT count(*) AS n FROM audit_entry WHERE chain_seq IS NULL')).rows[0].n);
    for (const [index, row] of rows.entries()) {
      const expectedSeq = index === 0 ? null : String(BigInt(row.previous_seq) + 1n);
      if (row.recomputed !== row.hash) return { checked: rows.length, unchained, broken: `entry ${row.seq} does not match its hash (altered)` };
      if (index === 0 ? row.prev_hash !== ZEROS && row.seq !== '1' : row.prev_hash !== row.previous_hash)
        return { checked: rows.length, unchained, broken: `entry ${row.seq} does not follow entry ${row.previous_seq ?? '(none)'}` };
      if (index === 0 ? row.seq !== '1' : row.seq !== expectedSeq) return { checked: rows.length, unchained, broken: `entries missing before ${row.seq} (deleted)` };
    }
    return { checked: rows.length, unchained, broken: null };
  } finally {
    await client.end();
  }
}

async function main(args) {
  if (args.includes('help') || args.includes('--help')) return console.log(USAGE);
  const services = args.length ? args : AUDITED;
  let failed = false;
  for (const service of services) {
    if (!AUDITED.includes(service)) throw new Error(`${service} keeps no audit trail (${AUDITED.join(', ')} do)`);
    const result = await verifyChain(databaseUrl(service));
    const before = result.unchained ? `; ${result.unchained} older entries predate the chain` : '';
    if (result.broken) {
      failed = true;
      console.log(`${service}: audit chain BROKEN: ${result.broken} (${result.checked} entries checked${before})`);
    } else {
      console.log(`${service}: audit chain intact, ${result.checked} entries${before}`);
    }
  }
  if (failed) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`audit:verify: ${error instanceof Error ? error.message : error}`);
  process.exit(2);
});
