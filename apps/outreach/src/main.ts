import { runService } from '@qorgau/platform';
import { createOutreachApp } from './outreach-app';
import { outreachConfigSpec, loadOutreachConfig } from './outreach.config';

runService({
  name: 'outreach',
  summary: 'trainings, materials, media, raids and volunteer sessions',
  configSpec: outreachConfigSpec,
  loadConfig: () => loadOutreachConfig(),
  createApp: (config) => createOutreachApp(config),
});
