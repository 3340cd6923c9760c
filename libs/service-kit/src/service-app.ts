import type { DynamicModule, INestApplication } from '@nestjs/common';
import { isTransientError } from '@qorgau/messaging';
import { createHttpApp, databaseStore } from '@qorgau/platform';
import { handleDomainEvents } from './domain-events';

/** What every domain service's configuration gives its HTTP app. */
export interface ServiceAppConfig {
  readonly BODY_LIMIT: string;
  readonly RATE_LIMIT_PER_MINUTE: number;
  readonly RATE_LIMIT_STORE: 'memory' | 'database';
  readonly DATABASE_URL: string;
  readonly API_DOCS: boolean;
  readonly TRUST_PROXY_HOPS: number;
}

/**
 * A domain service's app, built the same way by its main.ts and by the integration tests: the HTTP
 * API with the platform's conventions, and its `@EventPattern` handlers on the service's topics.
 */
export async function createServiceApp(
  module: DynamicModule,
  config: ServiceAppConfig,
  about: { readonly title: string; readonly description: string; readonly quiet?: boolean },
): Promise<INestApplication> {
  const app = await createHttpApp(module, {
    title: about.title,
    description: about.description,
    version: '1.0.0',
    bodyLimit: config.BODY_LIMIT,
    requestsPerMinute: config.RATE_LIMIT_PER_MINUTE,
    ...(config.RATE_LIMIT_STORE === 'database' ? { rateLimitStore: databaseStore(config.DATABASE_URL) } : {}),
    docs: config.API_DOCS,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    quiet: about.quiet ?? false,
    unavailable: isTransientError,
  });
  await handleDomainEvents(app);
  return app;
}
