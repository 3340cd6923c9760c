import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from '@qorgau/testing';

const run = promisify(execFile);

/**
 * The container image, built as `npm run images` builds it (docker/Dockerfile through Debian's
 * buildah, on a base made from Debian's packages and the npm registry), answers `--help` through its
 * entry point as uid 1000 and holds none of the machine's local files. One image: the build stage
 * is the same for all of them.
 */
describe('the container image', () => {
  it('builds from docker/Dockerfile and runs its service --help as uid 1000', async () => {
    const { stdout, stderr } = await run('bash', ['scripts/images.sh', 'intake'], { cwd: repoRoot, env: process.env, timeout: 1_500_000, maxBuffer: 16 << 20 });
    expect(`${stdout}${stderr}`).toMatch(/localhost\/qorgau\/intake:[\w.-]+: --help lists \d+ variables, runs as 1000:1000/);
  }, 1_600_000);

  // Build layers pile up on a machine that runs the suite often: keep the images, drop the rest.
  afterAll(() => run('buildah', ['rmi', '--prune'], { env: { ...process.env, STORAGE_DRIVER: process.env['STORAGE_DRIVER'] ?? 'vfs' } }).catch(() => undefined));
});
