import { runService } from '@qorgau/platform';
import { createIdentityApp } from './identity-app';
import { identityConfigSpec, loadIdentityConfig } from './identity.config';

runService({
  name: 'identity',
  summary: 'the local token issuer (seeded users for every role and region)',
  configSpec: identityConfigSpec,
  loadConfig: () => loadIdentityConfig(),
  createApp: (config) => createIdentityApp(config),
});
