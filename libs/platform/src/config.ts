import { z } from 'zod';
import { DEFAULT_PROJECT_REGIONS, REGION_CODES, type RegionCode } from '@qorgau/contracts';

export interface ConfigVariable<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly description: string;
  /** Never printed, not even in an error about it. */
  readonly secret?: boolean;
}

export type ConfigSpec = Record<string, ConfigVariable>;
export type ConfigOf<S extends ConfigSpec> = { readonly [K in keyof S]: z.output<S[K]['schema']> };

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates a service's environment once, at start-up. Every problem is reported at
 * once, naming the variable and what it is for; a secret's value never appears.
 */
export function loadConfig<S extends ConfigSpec>(spec: S, env: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(spec)) {
    const raw = env[name] === '' ? undefined : env[name];
    const parsed = variable.schema.safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}${raw === undefined ? ' (not set)' : ''} — ${variable.description}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as ConfigOf<S>;
}

/** The variables, described, for a --help or a README table. */
export function describeConfig(spec: ConfigSpec): string {
  return Object.entries(spec)
    .map(([name, v]) => `  ${name}${v.secret ? ' (secret)' : ''}\n      ${v.description}`)
    .join('\n');
}

/**
 * The variables as data (`--config-json`): what a deployment may set and must set. The Kubernetes
 * checks compare every manifest's environment with it, so a misspelt variable fails a test.
 */
export function configVariables(spec: ConfigSpec): { name: string; required: boolean; secret: boolean }[] {
  return Object.entries(spec).map(([name, v]) => ({ name, required: !v.schema.safeParse(undefined).success, secret: Boolean(v.secret) }));
}

/** Declares a variable keeping its schema's type, so loadConfig returns typed values. */
export const variable = <S extends z.ZodType>(definition: ConfigVariable<S>): ConfigVariable<S> => definition;

// Shared variable kinds, so every service spells them the same way.

export const portVariable = (fallback: number) => variable({ schema: z.coerce.number().int().min(1).max(65535).default(fallback), description: `HTTP port (default ${fallback})` });

export const hostVariable = variable({
  schema: z.string().min(1).default('127.0.0.1'),
  description: 'Address to listen on (default 127.0.0.1: loopback only; set 0.0.0.0 inside a container)',
});

export const databaseUrlVariable = variable({
  schema: z.string({ error: 'required' }).regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  description: "URL of this service's own PostgreSQL database",
  secret: true,
});

export const kafkaBrokersVariable = variable({
  schema: z
    .string()
    .default('127.0.0.1:9092')
    .transform((s) =>
      s
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'each broker must be host:port')).min(1)),
  description: 'Comma-separated Kafka bootstrap brokers (default 127.0.0.1:9092)',
});

export const kafkaUsernameVariable = variable({
  schema: z.string({ error: 'required' }).min(1, 'required'),
  description: "This service's Kafka user (SASL/SCRAM-SHA-512): the broker's ACLs let it write its own topic and read only what it consumes",
});

export const kafkaPasswordVariable = variable({
  schema: z.string({ error: 'required' }).min(1, 'required'),
  description: "The Kafka user's password (npm start reads it from the broker's credentials in .cache; in Kubernetes, the KafkaUser's secret)",
  secret: true,
});

export const kafkaTlsVariable = variable({
  schema: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  description: 'Talk to Kafka over TLS (default false on the loopback broker; true in Kubernetes)',
});

export const kafkaCaFileVariable = variable({
  schema: z.string().min(1).optional(),
  description: "With KAFKA_TLS: a PEM file of the CA that signed the brokers' certificates (Strimzi's cluster CA); default: the system's CAs",
});

export const topicPartitionsVariable = variable({
  schema: z.coerce.number().int().min(1).max(1000).default(3),
  description: 'Partitions for topics this service creates (default 3)',
});

export const replicationFactorVariable = variable({
  schema: z.coerce.number().int().min(1).max(10).default(1),
  description: 'Replication factor for topics this service creates (default 1; 3 in production)',
});

export const projectRegionsVariable = variable({
  schema: z
    .string()
    .default(DEFAULT_PROJECT_REGIONS.join(','))
    .transform((s) =>
      s
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(REGION_CODES, { error: `each region must be an ISO 3166-2:KZ code (${REGION_CODES.join(', ')})` })).min(1)),
  description: `Comma-separated ISO 3166-2:KZ codes of the project's regional offices (default ${DEFAULT_PROJECT_REGIONS.join(',')})`,
});

export type ProjectRegions = readonly RegionCode[];

export const rateLimitVariable = variable({
  schema: z.coerce.number().int().min(1).max(1_000_000).default(600),
  description: 'Requests per minute one client address may make before 429 (default 600)',
});

export const rateLimitStoreVariable = variable({
  schema: z.enum(['memory', 'database']).default('memory'),
  description: 'Where the rate limit counts: memory (default; one instance) or database (this service’s own database, shared by all its replicas)',
});

export const trustProxyHopsVariable = variable({
  schema: z.coerce.number().int().min(0).max(5).default(0),
  description:
    'Proxies in front of this service whose X-Forwarded-For to believe (default 0: none; 1 behind the web gateway or a Kubernetes Gateway). The rate limit and the audit trail then see the real client',
});

export const apiDocsVariable = variable({
  schema: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  description: 'Serve the OpenAPI document and its page at /docs and /docs-json (default true; set false to hide the API surface in production)',
});

export const metricsPortVariable = variable({
  schema: z.coerce.number().int().min(0).max(65535).default(0),
  description:
    'Port of the Prometheus endpoint /metrics (HTTP rate, errors and latency, outbox backlog, consumer lag and freshness, events applied, dead letters); 0 (default): none. A port of its own, so the public API never shows it',
});

/** What every service with its own database that talks to Kafka reads, on its default port. */
export const eventServiceConfigSpec = (port: number) => ({
  PORT: portVariable(port),
  HOST: hostVariable,
  DATABASE_URL: databaseUrlVariable,
  KAFKA_BROKERS: kafkaBrokersVariable,
  KAFKA_USERNAME: kafkaUsernameVariable,
  KAFKA_PASSWORD: kafkaPasswordVariable,
  KAFKA_TLS: kafkaTlsVariable,
  KAFKA_CA_FILE: kafkaCaFileVariable,
  KAFKA_TOPIC_PARTITIONS: topicPartitionsVariable,
  KAFKA_REPLICATION_FACTOR: replicationFactorVariable,
  RATE_LIMIT_PER_MINUTE: rateLimitVariable,
  RATE_LIMIT_STORE: rateLimitStoreVariable,
  TRUST_PROXY_HOPS: trustProxyHopsVariable,
  API_DOCS: apiDocsVariable,
  METRICS_PORT: metricsPortVariable,
});
