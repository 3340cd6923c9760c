import { localPort } from '@qorgau/contracts';
import { z } from 'zod';
import { authConfigSpec } from '@qorgau/auth';
import { eventServiceConfigSpec, loadConfig, variable, type ConfigOf } from '@qorgau/platform';

export const projectionConfigSpec = {
  ...eventServiceConfigSpec(localPort('projection')),
  PROJECTION_CONSUMER_GROUP: variable({
    schema: z
      .string()
      .regex(/^[a-zA-Z0-9._-]{1,100}$/, 'letters, digits, dot, dash and underscore only')
      .default('qorgau-projection'),
    description: 'Prefix of the Kafka consumer groups; generation N consumes as <prefix>-g<N> (default qorgau-projection)',
  }),
  REPORTING_TIME_ZONE: variable({
    schema: z
      .string()
      .default('Asia/Almaty')
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Asia/Almaty'),
    description: 'Time zone in which events are counted into months (default Asia/Almaty)',
  }),
  ...authConfigSpec,
  SUPPRESSION_THRESHOLD: variable({
    schema: z.coerce.number().int().min(2).max(100).default(5),
    description: "HQ's case funnel withholds counts of cases from 1 to this minus one, as exports do (default 5)",
  }),
  GENERATION_CHECK_MS: variable({
    schema: z.coerce.number().int().min(100).max(60_000).default(1_000),
    description: 'How often the service checks whether a rebuild switched the active generation (default 1000 ms)',
  }),
};

export type ProjectionConfig = ConfigOf<typeof projectionConfigSpec>;
export const PROJECTION_CONFIG = Symbol('PROJECTION_CONFIG');
export const loadProjectionConfig = (env: NodeJS.ProcessEnv = process.env): ProjectionConfig => loadConfig(projectionConfigSpec, env);
