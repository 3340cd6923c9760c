import type { INestApplication } from '@nestjs/common';
import { isTransientError } from '@qorgau/messaging';
import { createHttpApp } from '@qorgau/platform';
import { ProjectionModule } from './app.module';
import type { ProjectionConfig } from './projection.config';

/** The projection HTTP app, built the same way by main.ts and by the integration tests. */
export function createProjectionApp(config: ProjectionConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createHttpApp(ProjectionModule.withConfig(config), {
    title: 'Qorgau national view',
    description: 'Aggregated figures by region and month, and national totals, built from every domain event. No personal data.',
    version: '1.0.0',
    bodyLimit: '16kb',
    requestsPerMinute: config.RATE_LIMIT_PER_MINUTE,
    docs: config.API_DOCS,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    quiet: options.quiet ?? false,
    unavailable: isTransientError,
  });
}
