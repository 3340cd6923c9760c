import path from 'node:path';
import { APPS } from '@qorgau/contracts';
import { ApiClient } from './api-client';
import { runYearDemo } from './year-demo';

/**
 * `npm run demo`: the scripted year against the platform that `npm start` runs. Prints each
 * national quarterly 4P report beside the count of the facts behind it, writes the exports to
 * .cache/demo/, and exits 1 if any figure differs.
 */
async function main(): Promise<void> {
  const year = Number(process.env['DEMO_YEAR'] ?? new Date().getFullYear() - 1);
  const host = process.env['QORGAU_HOST'] ?? 'http://127.0.0.1';
  const urls = Object.fromEntries(APPS.filter((app) => app.name !== 'web').map((app) => [app.name, app.port]));
  const api = new ApiClient(
    Object.fromEntries(Object.entries(urls).map(([name, port]) => [name, `${host}:${port}`])) as ConstructorParameters<typeof ApiClient>[0],
    process.env['QORGAU_LOCAL_PASSWORD'] ?? 'qorgau-local',
  );
  for (const [name, port] of Object.entries(urls)) {
    const healthy = await fetch(`${host}:${port}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (!healthy) throw new Error(`${name} does not answer on ${host}:${port}; start the platform first: npm start`);
  }
  const exportDir = path.resolve(__dirname, '../../../../.cache/demo');
  console.log(`Qorgau demo: a year of work (${year}) in KZ-79 (Shymkent) and KZ-71 (Astana)\n`);
  const { quarters: results } = await runYearDemo(api, { year, log: (line) => console.log(line), exportDir });
  const mismatches = results.reduce((sum, r) => sum + r.mismatches, 0);
  console.log(`\nExports written to ${exportDir}`);
  console.log(mismatches === 0 ? 'Every figure of every quarterly report equals the count of the facts behind it.' : `${mismatches} figures differ from their facts.`);
  process.exit(mismatches === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
