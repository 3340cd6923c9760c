import { localPort } from '@qorgau/contracts';
import { loadConfig, type ConfigOf } from '@qorgau/platform';
import { personalDataServiceConfigSpec } from '@qorgau/service-kit';

export const intakeConfigSpec = personalDataServiceConfigSpec(localPort('intake'));

export type IntakeConfig = ConfigOf<typeof intakeConfigSpec>;

export const loadIntakeConfig = (env: NodeJS.ProcessEnv = process.env): IntakeConfig => loadConfig(intakeConfigSpec, env);
