import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { createHttpApp } from '@qorgau/platform';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity.config';
import { LocalAccounts } from './local-accounts';
import { createOpenIdProvider } from './openid/openid-provider';
import { signInInteractions } from './openid/sign-in.interactions';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key';
import { SIGNING_KEY, TokenController } from './token.controller';

@Module({})
class IdentityModule {
  static withConfig(config: IdentityConfig, key: SigningKey, accounts: LocalAccounts): DynamicModule {
    return {
      module: IdentityModule,
      controllers: [TokenController],
      providers: [
        { provide: IDENTITY_CONFIG, useValue: config },
        { provide: SIGNING_KEY, useValue: key },
        { provide: LocalAccounts, useValue: accounts },
      ],
    };
  }
}

/**
 * The local OpenID provider of the development platform: seeded users for every role and region,
 * the authorization code flow with PKCE for the web application, and a password login for scripts
 * and tests (JSON `POST /token`). Production plugs the organisation's OpenID provider in instead.
 */
export async function createIdentityApp(config: IdentityConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  const key = await loadOrCreateSigningKey(config.SIGNING_KEY_FILE);
  const accounts = new LocalAccounts(config);
  const app = await createHttpApp(IdentityModule.withConfig(config, key, accounts), {
    title: 'Qorgau local identity',
    description: 'OpenID provider for the seeded local users (discovery at /.well-known/openid-configuration), and a password login for scripts. Not for production.',
    version: '1.0.0',
    bodyLimit: '4kb',
    requestsPerMinute: config.RATE_LIMIT_PER_MINUTE,
    docs: config.API_DOCS,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    quiet: options.quiet ?? false,
    idempotentPosts: false,
  });
  const openId = createOpenIdProvider(config, accounts, key.privateJwk, key.kid);
  app.use(signInInteractions(openId, accounts));
  app.use((request: Request, response: Response, next: NextFunction) => (ownRoute(request) ? next() : openId.handle(request, response)));
  return app;
}

/** The issuer's own routes; everything else is the OpenID provider's. */
function ownRoute(request: Request): boolean {
  if (request.path === '/health' || request.path.startsWith('/docs')) return true;
  // The scripts' password login: JSON to /token. The provider's token endpoint takes forms.
  return request.path === '/token' && request.method === 'POST' && (request.headers['content-type'] ?? '').startsWith('application/json');
}
