import { runService } from '@qorgau/platform';
import { createIntakeApp } from './intake-app';
import { intakeConfigSpec, loadIntakeConfig } from './intake.config';

runService({
  name: 'intake',
  summary: 'hotline calls and victim cases',
  configSpec: intakeConfigSpec,
  loadConfig: () => loadIntakeConfig(),
  createApp: (config) => createIntakeApp(config),
});
