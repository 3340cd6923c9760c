import 'reflect-metadata';
import { ConfigError, describeConfig } from '@qorgau/platform';
import { createIntakeApp } from './intake-app';
import { intakeConfigSpec, loadIntakeConfig } from './intake.config';

async function main(): Promise<void> {
  if (process.argv.includes('--help')) {
    console.log(`qorgau intake: hotline calls and victim cases\n\nEnvironment:\n${describeConfig(intakeConfigSpec)}`);
    return;
  }
  const config = loadIntakeConfig();
  const app = await createIntakeApp(config);
  await app.listen(config.PORT, config.HOST);
  console.log(JSON.stringify({ level: 'log', context: 'intake', message: `listening on http://${config.HOST}:${config.PORT} (API docs at /docs)` }));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `intake: ${error.message}` : error);
  process.exit(1);
});
