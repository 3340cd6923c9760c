import { localPort } from '@qorgau/contracts';
import { loadConfig, type ConfigOf } from '@qorgau/platform';
import { personalDataServiceConfigSpec } from '@qorgau/service-kit';

export const legalConfigSpec = personalDataServiceConfigSpec(localPort('legal'));
export type LegalConfig = ConfigOf<typeof legalConfigSpec>;
export const loadLegalConfig = (env: NodeJS.ProcessEnv = process.env): LegalConfig => loadConfig(legalConfigSpec, env);
