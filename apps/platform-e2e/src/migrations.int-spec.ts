import { execFile } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { repoRoot, requiredEnv } from '@qorgau/testing';

describe('every service’s migrations', () => {
  it('match its schema.prisma', async () => {
    const services = readdirSync(path.join(repoRoot, 'apps')).filter((app) => existsSync(path.join(repoRoot, 'apps', app, 'prisma', 'schema.prisma')));
    expect(services).toEqual(expect.arrayContaining(['intake', 'legal', 'psychology', 'outreach', 'statistics', 'projection']));
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'tools/db/migrate.mjs'), 'check'], { cwd: repoRoot, env: process.env });
    for (const service of services) expect(stdout).toContain(`${service}: migrations match schema.prisma`);
  });

  it('declare the libraries’ tables once: a database that only had libs/*/sql has the tables an early migration made elsewhere, triggers included', async () => {
    const shape = async (service: string, table: string) => {
      const db = new Client({ connectionString: requiredEnv(`${service.toUpperCase()}_DATABASE_URL`) });
      await db.connect();
      try {
        const columns = await db.query(
          `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`,
          [table],
        );
        const indexes = await db.query(`SELECT indexname, regexp_replace(indexdef, '"', '', 'g') AS def FROM pg_indexes WHERE tablename = $1 ORDER BY indexname`, [table]);
        const triggers = await db.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass($1) AND NOT tgisinternal ORDER BY tgname`, [table]);
        return { columns: columns.rows, indexes: indexes.rows, triggers: triggers.rows };
      } finally {
        await db.end();
      }
    };
    // Legal made these with its own early migrations; projection and outreach got them only from the libraries.
    for (const [table, onlyFromLibraries] of [
      ['outbox_event', 'projection'],
      ['processed_event', 'outreach'],
      ['audit_entry', 'outreach'],
      ['unreconciled_erasure', 'outreach'],
    ] as const) {
      const fromLibraries = await shape(onlyFromLibraries, table);
      expect(fromLibraries.columns.length).toBeGreaterThan(0);
      expect(fromLibraries).toEqual(await shape('legal', table));
    }
  });
});
