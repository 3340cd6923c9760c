import { loadConfig, type ConfigOf } from '@qorgau/platform';
import { personalDataServiceConfigSpec } from '@qorgau/service-kit';

export const psychologyConfigSpec = personalDataServiceConfigSpec(3004);
export type PsychologyConfig = ConfigOf<typeof psychologyConfigSpec>;
export const loadPsychologyConfig = (env: NodeJS.ProcessEnv = process.env): PsychologyConfig => loadConfig(psychologyConfigSpec, env);
