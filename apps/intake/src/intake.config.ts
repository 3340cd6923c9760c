import { z } from 'zod';
import { authConfigSpec } from '@qorgau/auth';
import { eventServiceConfigSpec, loadConfig, projectRegionsVariable, variable, type ConfigOf } from '@qorgau/platform';

export const intakeConfigSpec = {
  ...eventServiceConfigSpec(3001),
  QORGAU_REGIONS: projectRegionsVariable,
  ...authConfigSpec,
  PERSONAL_DATA_KEY: variable({
    schema: z
      .string({ error: 'required' })
      .transform((text) => Buffer.from(text, 'base64'))
      .refine((key) => key.length === 32, 'must be 32 random bytes, base64-encoded (e.g. openssl rand -base64 32)'),
    description: 'Service key that wraps every person’s data key (base64, 32 bytes). Losing it loses all personal fields; keep it out of database backups',
    secret: true,
  }),
  BODY_LIMIT: {
    schema: z.string().regex(/^\d+(kb|mb)$/, 'must look like 32kb or 1mb').default('32kb'),
    description: 'Largest request body accepted (default 32kb)',
  },
};

export type IntakeConfig = ConfigOf<typeof intakeConfigSpec>;
export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');

export const loadIntakeConfig = (env: NodeJS.ProcessEnv = process.env): IntakeConfig => loadConfig(intakeConfigSpec, env);
