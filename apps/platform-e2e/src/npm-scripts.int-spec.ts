import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@qorgau/testing';

const run = promisify(execFile);
const scripts = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

/**
 * The README's scripts are the way in for a newcomer: each is documented there, and each answers
 * `-- --help` with its usage, doing nothing else (a script pointing at a file that is not there,
 * as `npm run migrate` once did, fails here).
 */
describe('the npm scripts', () => {
  it('are each documented in the README', () => {
    const undocumented = Object.keys(scripts).filter((name) => !readme.includes(['start', 'stop', 'test'].includes(name) ? `npm ${name}` : `npm run ${name}`));
    expect(undocumented).toEqual([]);
  });

  it.each(Object.keys(scripts))(
    'npm run %s -- --help prints its usage and exits 0',
    async (name) => {
      // What npm does: the command with the arguments appended, node_modules/.bin first on the PATH.
      const { stdout } = await run('bash', ['-c', `${scripts[name]} --help`], {
        cwd: repoRoot,
        env: { ...process.env, PATH: `${path.join(repoRoot, 'node_modules/.bin')}:${process.env['PATH']}` },
        timeout: 120_000,
      });
      expect(stdout.trim().split('\n').length).toBeGreaterThanOrEqual(2);
    },
    150_000,
  );
});
