import { z } from 'zod';
import { variable } from '@qorgau/platform';

/** The variables every service that checks tokens reads. */
export const authConfigSpec = {
  AUTH_ISSUER: variable({
    schema: z.url().default('http://127.0.0.1:3000'),
    description: 'Expected token issuer (iss): the identity provider (default: the local issuer, http://127.0.0.1:3000)',
  }),
  AUTH_AUDIENCE: variable({ schema: z.string().min(1).default('qorgau'), description: 'Expected token audience (aud) (default qorgau)' }),
  AUTH_JWKS_URL: variable({
    schema: z.url().optional(),
    description: "URL of the issuer's signing keys (default <AUTH_ISSUER>/.well-known/jwks.json)",
  }),
};

export function tokenVerifierOptions(config: { AUTH_ISSUER: string; AUTH_AUDIENCE: string; AUTH_JWKS_URL?: string | undefined }) {
  return { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE, jwksUrl: config.AUTH_JWKS_URL ?? `${config.AUTH_ISSUER.replace(/\/$/, '')}/.well-known/jwks.json` };
}
