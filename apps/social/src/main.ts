import { runService } from '@qorgau/platform';
import { createSocialApp } from './social-app';
import { loadSocialConfig, socialConfigSpec } from './social.config';

runService({
  name: 'social',
  summary: 'shelters, stays, basic assistance and aftercare',
  configSpec: socialConfigSpec,
  loadConfig: () => loadSocialConfig(),
  createApp: (config) => createSocialApp(config),
});
