import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { ConfigError, configVariables, describeConfig, type ConfigSpec } from '../config';

export interface ServiceEntry<C extends { PORT: number; HOST: string }> {
  readonly name: string;
  readonly summary: string;
  readonly configSpec: ConfigSpec;
  readonly loadConfig: () => C;
  readonly createApp: (config: C) => Promise<INestApplication>;
}

/**
 * A service's main: `--help` lists its variables (`--config-json` as data); otherwise the configuration is validated (a bad
 * one stops the start with every problem named), the app is built and listens.
 */
export function runService<C extends { PORT: number; HOST: string }>(entry: ServiceEntry<C>): void {
  const start = async (): Promise<void> => {
    if (process.argv.includes('--help')) {
      console.log(`qorgau ${entry.name}: ${entry.summary}\n\nEnvironment:\n${describeConfig(entry.configSpec)}`);
      return;
    }
    if (process.argv.includes('--config-json')) {
      console.log(JSON.stringify(configVariables(entry.configSpec)));
      return;
    }
    const config = entry.loadConfig();
    const app = await entry.createApp(config);
    await app.listen(config.PORT, config.HOST);
    console.log(JSON.stringify({ level: 'log', context: entry.name, message: `listening on http://${config.HOST}:${config.PORT} (API docs at /docs)` }));
  };
  start().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? `${entry.name}: ${error.message}` : error);
    process.exit(1);
  });
}
