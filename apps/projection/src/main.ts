import { runService } from '@qorgau/platform';
import { createProjectionApp } from './projection-app';
import { loadProjectionConfig, projectionConfigSpec } from './projection.config';

runService({
  name: 'projection',
  summary: 'the national view: figures by region and month, built from every domain event',
  configSpec: projectionConfigSpec,
  loadConfig: () => loadProjectionConfig(),
  createApp: (config) => createProjectionApp(config),
});
