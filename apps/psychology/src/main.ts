import { runService } from '@qorgau/platform';
import { createPsychologyApp } from './psychology-app';
import { psychologyConfigSpec, loadPsychologyConfig } from './psychology.config';

runService({
  name: 'psychology',
  summary: 'psychological consultations and rehabilitation plans',
  configSpec: psychologyConfigSpec,
  loadConfig: () => loadPsychologyConfig(),
  createApp: (config) => createPsychologyApp(config),
});
