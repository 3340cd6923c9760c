import { Module, type DynamicModule, type INestApplication } from '@nestjs/common';
import { createHttpApp } from '@qorgau/platform';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity.config';
import { loadOrCreateSigningKey } from './signing-key';
import { SIGNING_KEY, TokenController } from './token.controller';

@Module({})
class IdentityModule {
  static withConfig(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      controllers: [TokenController],
      providers: [
        { provide: IDENTITY_CONFIG, useValue: config },
        { provide: SIGNING_KEY, useFactory: () => loadOrCreateSigningKey(config.SIGNING_KEY_FILE) },
      ],
    };
  }
}

/**
 * The built-in token issuer of the local platform: seeded users for every role and region, RS256
 * tokens, keys published as JWKS. Production plugs the organisation's OIDC provider in instead.
 */
export function createIdentityApp(config: IdentityConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createHttpApp(IdentityModule.withConfig(config), {
    title: 'Qorgau local identity',
    description: 'Issues access tokens for the seeded local users. Not for production.',
    version: '1.0.0',
    bodyLimit: '4kb',
    requestsPerMinute: config.RATE_LIMIT_PER_MINUTE,
    quiet: options.quiet ?? false,
  });
}
