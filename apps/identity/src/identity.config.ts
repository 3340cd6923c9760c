import { localPort } from '@qorgau/contracts';
import { z } from 'zod';
import { apiDocsVariable, ConfigError, hostVariable, trustProxyHopsVariable, loadConfig, portVariable, projectRegionsVariable, rateLimitVariable, variable, type ConfigOf } from '@qorgau/platform';

export const identityConfigSpec = {
  PORT: portVariable(localPort('identity')),
  HOST: hostVariable,
  AUTH_ISSUER: variable({
    schema: z.url().default(`http://127.0.0.1:${localPort('identity')}`),
    description: `Issuer (iss) written into tokens; services must expect the same value (default http://127.0.0.1:${localPort('identity')})`,
  }),
  AUTH_AUDIENCE: variable({ schema: z.string().min(1).default('qorgau'), description: 'Audience (aud) written into tokens (default qorgau)' }),
  TOKEN_TTL_SECONDS: variable({ schema: z.coerce.number().int().min(60).max(43_200).default(3_600), description: 'Lifetime of an access token (default 3600 s)' }),
  SIGNING_KEY_FILE: variable({
    schema: z.string({ error: 'required' }).min(1),
    description: 'File holding the private signing key (created on first start, mode 0600)',
    secret: true,
  }),
  LOCAL_USERS_PASSWORD: variable({
    schema: z.string({ error: 'required' }).min(8, 'must be at least 8 characters'),
    description: "Password of every seeded local user. The built-in issuer is for one machine; plug the organisation's identity provider in elsewhere",
    secret: true,
  }),
  WEB_ORIGINS: variable({
    schema: z
      .string()
      .default('http://127.0.0.1:8080')
      .transform((value) =>
        value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url().transform((url) => new URL(url).origin)).min(1)),
    description: 'Origins of the web application, comma-separated: its sign-in redirects and sign-out returns go there (default http://127.0.0.1:8080)',
  }),
  QORGAU_DEMO: variable({
    schema: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    description: 'Set to true to run this development issuer where NODE_ENV=production, as a demonstration (default false: it refuses)',
  }),
  QORGAU_REGIONS: projectRegionsVariable,
  RATE_LIMIT_PER_MINUTE: rateLimitVariable,
  TRUST_PROXY_HOPS: trustProxyHopsVariable,
  API_DOCS: apiDocsVariable,
};

export type IdentityConfig = ConfigOf<typeof identityConfigSpec>;
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');
/** The password the README and `npm start` give every local user: known to anyone who read them. */
export const DOCUMENTED_LOCAL_PASSWORD = 'qorgau-local';

/**
 * The local issuer is for one developer's machine. Where NODE_ENV=production it refuses to start
 * unless told it is a demonstration, and even then not with the documented password.
 */
export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  const config = loadConfig(identityConfigSpec, env);
  if (env['NODE_ENV'] === 'production') {
    if (!config.QORGAU_DEMO) {
      throw new ConfigError([
        "NODE_ENV is production: this local issuer is for development. Point the services' AUTH_ISSUER at the organisation's OpenID provider, or set QORGAU_DEMO=true for a demonstration",
      ]);
    }
    if (config.LOCAL_USERS_PASSWORD === DOCUMENTED_LOCAL_PASSWORD) {
      throw new ConfigError(['LOCAL_USERS_PASSWORD: the documented development password is refused where NODE_ENV is production; choose another']);
    }
  }
  return config;
}
