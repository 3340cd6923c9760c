import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@qorgau/testing';

describe('intake migrations', () => {
  it('match schema.prisma', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'tools/db/migrate.mjs'), 'check', 'intake'], { cwd: repoRoot, env: process.env });
    expect(stdout).toContain('intake: migrations match schema.prisma');
  });
});
