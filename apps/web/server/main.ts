import { ConfigError, configVariables, describeConfig } from '@qorgau/platform';
import { createGateway } from './gateway';
import { loadWebConfig, webConfigSpec } from './web.config';

if (process.argv.includes('--help')) {
  console.log(`qorgau web: the staff's web application and its gateway to the services\n\nEnvironment:\n${describeConfig(webConfigSpec)}`);
} else if (process.argv.includes('--config-json')) {
  console.log(JSON.stringify(configVariables(webConfigSpec)));
} else {
  try {
    const config = loadWebConfig();
    const server = createGateway(config).listen(config.PORT, config.HOST, () => {
      console.log(JSON.stringify({ level: 'log', context: 'web', message: `listening on http://${config.HOST}:${config.PORT}` }));
    });
    const stop = () => server.close(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (error) {
    console.error(error instanceof ConfigError ? `web: ${error.message}` : error);
    process.exit(1);
  }
}
