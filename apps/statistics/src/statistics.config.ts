import { localPort } from '@qorgau/contracts';
import { z } from 'zod';
import { loadConfig, variable, type ConfigOf } from '@qorgau/platform';
import { domainServiceConfigSpec } from '@qorgau/service-kit';

export const statisticsConfigSpec = {
  ...domainServiceConfigSpec(localPort('statistics')),
  PROJECTION_URL: variable({
    schema: z.url().default('http://127.0.0.1:3002'),
    description: "Base URL of the projection's read API, where report figures come from (default http://127.0.0.1:3002)",
  }),
  SUPPRESSION_THRESHOLD: variable({
    schema: z.coerce.number().int().min(2).max(100).default(5),
    description: 'Exports withhold any count of people below this, and any cell that would reveal one (default 5)',
  }),
};
export type StatisticsConfig = ConfigOf<typeof statisticsConfigSpec>;
export const loadStatisticsConfig = (env: NodeJS.ProcessEnv = process.env): StatisticsConfig => loadConfig(statisticsConfigSpec, env);
