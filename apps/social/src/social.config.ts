import { localPort } from '@qorgau/contracts';
import { loadConfig, type ConfigOf } from '@qorgau/platform';
import { personalDataServiceConfigSpec } from '@qorgau/service-kit';

export const socialConfigSpec = personalDataServiceConfigSpec(localPort('social'));
export type SocialConfig = ConfigOf<typeof socialConfigSpec>;
export const loadSocialConfig = (env: NodeJS.ProcessEnv = process.env): SocialConfig => loadConfig(socialConfigSpec, env);
