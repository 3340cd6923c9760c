import { localPort } from '@qorgau/contracts';
import { loadConfig, type ConfigOf } from '@qorgau/platform';
import { domainServiceConfigSpec } from '@qorgau/service-kit';

export const outreachConfigSpec = domainServiceConfigSpec(localPort('outreach'));
export type OutreachConfig = ConfigOf<typeof outreachConfigSpec>;
export const loadOutreachConfig = (env: NodeJS.ProcessEnv = process.env): OutreachConfig => loadConfig(outreachConfigSpec, env);
