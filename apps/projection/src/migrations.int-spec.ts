import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@qorgau/testing';

describe('projection migrations', () => {
  it('match schema.prisma', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'tools/db/migrate.mjs'), 'check', 'projection'], { cwd: repoRoot, env: process.env });
    expect(stdout).toContain('projection: migrations match schema.prisma');
  });
});
