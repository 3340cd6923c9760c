import { localPort } from '@qorgau/contracts';
import { z } from 'zod';
import { loadConfig, variable, type ConfigOf } from '@qorgau/platform';
import { domainServiceConfigSpec } from '@qorgau/service-kit';
import { loadDhis2Mapping } from './exports/dhis2-export';

export const statisticsConfigSpec = {
  ...domainServiceConfigSpec(localPort('statistics')),
  PROJECTION_URL: variable({
    schema: z.url().default('http://127.0.0.1:3002'),
    description: "Base URL of the projection's read API, where report figures come from (default http://127.0.0.1:3002)",
  }),
  DHIS2_MAPPING_FILE: variable({
    schema: z
      .string()
      .optional()
      .transform((file, context) => {
        try {
          return loadDhis2Mapping(file);
        } catch (error) {
          context.addIssue({ code: 'custom', message: `cannot use the DHIS2 mapping file ${file}: ${error instanceof Error ? error.message : String(error)}` });
          return z.NEVER;
        }
      }),
    description: 'A JSON file naming Qorgau indicators, scopes and breakdowns as a partner DHIS2 does (docs/dhis2.md); default: codes derived from ours',
  }),
  SUPPRESSION_THRESHOLD: variable({
    schema: z.coerce.number().int().min(2).max(100).default(5),
    description: 'Exports withhold any count of people below this, and any cell that would reveal one (default 5)',
  }),
};
export type StatisticsConfig = ConfigOf<typeof statisticsConfigSpec>;
export const loadStatisticsConfig = (env: NodeJS.ProcessEnv = process.env): StatisticsConfig => loadConfig(statisticsConfigSpec, env);
