import { z } from 'zod';
import { authConfigSpec } from '@qorgau/auth';
import type { RegionCode } from '@qorgau/contracts';
import { eventServiceConfigSpec, projectRegionsVariable, variable } from '@qorgau/platform';

/** The validated configuration of the service the kit runs in. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** What the kit reads from a domain service's configuration. */
export interface ServiceKitConfig {
  readonly DATABASE_URL: string;
  readonly KAFKA_BROKERS: string[];
  readonly KAFKA_USERNAME: string;
  readonly KAFKA_PASSWORD: string;
  readonly KAFKA_TLS: boolean;
  readonly KAFKA_CA_FILE?: string | undefined;
  readonly KAFKA_TOPIC_PARTITIONS: number;
  readonly KAFKA_REPLICATION_FACTOR: number;
  readonly QORGAU_REGIONS: readonly RegionCode[];
  readonly AUTH_ISSUER: string;
  readonly AUTH_AUDIENCE: string;
  readonly AUTH_JWKS_URL?: string | undefined;
  readonly PERSONAL_DATA_KEY?: Buffer;
  readonly PERSONAL_DATA_KEYS_DATABASE_URL?: string;
  readonly PERSONAL_DATA_PREVIOUS_KEYS?: readonly Buffer[];
}

export const personalDataKeyVariable = variable({
  schema: z
    .string({ error: 'required' })
    .transform((text) => Buffer.from(text, 'base64'))
    .refine((key) => key.length === 32, 'must be 32 random bytes, base64-encoded (e.g. openssl rand -base64 32)'),
  description: 'Service key that wraps every person’s data key (base64, 32 bytes). Losing it loses all personal fields; keep it out of database backups',
  secret: true,
});

/** Every domain service's variables: its port, database, Kafka, regions, tokens and request size. */
export const domainServiceConfigSpec = (port: number) => ({
  ...eventServiceConfigSpec(port),
  QORGAU_REGIONS: projectRegionsVariable,
  ...authConfigSpec,
  BODY_LIMIT: variable({
    schema: z
      .string()
      .regex(/^\d+(kb|mb)$/, 'must look like 32kb or 1mb')
      .default('32kb'),
    description: 'Largest request body accepted (default 32kb)',
  }),
});

export const previousPersonalDataKeysVariable = variable({
  schema: z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((key) => key.trim())
        .filter(Boolean)
        .map((key) => Buffer.from(key, 'base64')),
    )
    .refine((keys) => keys.every((key) => key.length === 32), 'each must be 32 random bytes, base64-encoded'),
  description:
    'During a rotation of PERSONAL_DATA_KEY: the former service keys, comma-separated (base64). They only unwrap; POST /personal-data/key-rotation re-wraps every person key with the current one, after which they are destroyed (removed from here and from the secret store)',
  secret: true,
});

export const personKeysDatabaseUrlVariable = variable({
  schema: z.string({ error: 'required' }).regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  description:
    "URL of the database of this service's person keys (table person_key), apart from its data and backed up with a short retention, so that a restored data backup cannot bring an erased person back (npm run migrate -- keys-app-url <service>)",
  secret: true,
});

/** A domain service that keeps personal data: it also needs the key that wraps each person's key, and the database those keys live in. */
export const personalDataServiceConfigSpec = (port: number) => ({
  ...domainServiceConfigSpec(port),
  PERSONAL_DATA_KEY: personalDataKeyVariable,
  PERSONAL_DATA_KEYS_DATABASE_URL: personKeysDatabaseUrlVariable,
  PERSONAL_DATA_PREVIOUS_KEYS: previousPersonalDataKeysVariable,
});
