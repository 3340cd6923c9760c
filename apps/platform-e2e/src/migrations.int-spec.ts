import { execFile } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@qorgau/testing';

describe('every service’s migrations', () => {
  it('match its schema.prisma', async () => {
    const services = readdirSync(path.join(repoRoot, 'apps')).filter((app) => existsSync(path.join(repoRoot, 'apps', app, 'prisma', 'schema.prisma')));
    expect(services).toEqual(expect.arrayContaining(['intake', 'legal', 'psychology', 'outreach', 'statistics', 'projection']));
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'tools/db/migrate.mjs'), 'check'], { cwd: repoRoot, env: process.env });
    for (const service of services) expect(stdout).toContain(`${service}: migrations match schema.prisma`);
  });
});
