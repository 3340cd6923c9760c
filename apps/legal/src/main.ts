import { runService } from '@qorgau/platform';
import { createLegalApp } from './legal-app';
import { legalConfigSpec, loadLegalConfig } from './legal.config';

runService({
  name: 'legal',
  summary: 'legal consultations, case assistance, agency complaints and criminal proceedings',
  configSpec: legalConfigSpec,
  loadConfig: () => loadLegalConfig(),
  createApp: (config) => createLegalApp(config),
});
