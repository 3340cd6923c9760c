import { localPort } from '@qorgau/contracts';
import { loadConfig, type ConfigOf } from '@qorgau/platform';
import { personalDataServiceConfigSpec } from '@qorgau/service-kit';

export const psychologyConfigSpec = personalDataServiceConfigSpec(localPort('psychology'));
export type PsychologyConfig = ConfigOf<typeof psychologyConfigSpec>;
export const loadPsychologyConfig = (env: NodeJS.ProcessEnv = process.env): PsychologyConfig => loadConfig(psychologyConfigSpec, env);
