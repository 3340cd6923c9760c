import 'reflect-metadata';
import { ConfigError, describeConfig } from '@qorgau/platform';
import { createProjectionApp } from './projection-app';
import { loadProjectionConfig, projectionConfigSpec } from './projection.config';

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(`qorgau projection: the national view\n\nEnvironment:\n${describeConfig(projectionConfigSpec)}`);
    return;
  }
  const config = loadProjectionConfig();
  const app = await createProjectionApp(config);
  await app.listen(config.PORT, config.HOST);
  console.log(JSON.stringify({ level: 'log', context: 'projection', message: `listening on http://${config.HOST}:${config.PORT} (API docs at /docs)` }));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `projection: ${error.message}` : error);
  process.exit(1);
});
