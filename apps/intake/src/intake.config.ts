import { z } from 'zod';
import { authConfigSpec } from '@qorgau/auth';
import {
  databaseUrlVariable,
  hostVariable,
  kafkaBrokersVariable,
  loadConfig,
  portVariable,
  projectRegionsVariable,
  rateLimitVariable,
  replicationFactorVariable,
  topicPartitionsVariable,
  variable,
  type ConfigOf,
} from '@qorgau/platform';

export const intakeConfigSpec = {
  PORT: portVariable(3001),
  HOST: hostVariable,
  DATABASE_URL: databaseUrlVariable,
  KAFKA_BROKERS: kafkaBrokersVariable,
  KAFKA_TOPIC_PARTITIONS: topicPartitionsVariable,
  KAFKA_REPLICATION_FACTOR: replicationFactorVariable,
  QORGAU_REGIONS: projectRegionsVariable,
  RATE_LIMIT_PER_MINUTE: rateLimitVariable,
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
