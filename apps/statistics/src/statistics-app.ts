import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '@qorgau/platform';
import { handleDomainEvents } from '@qorgau/service-kit';
import { StatisticsModule } from './app.module';
import type { StatisticsConfig } from './statistics.config';

export async function createStatisticsApp(config: StatisticsConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  const app = await createHttpApp(StatisticsModule.withConfig(config), {
    title: 'Qorgau statistics',
    description:
      'The 4P indicator catalogue, reports per region and national with review (draft → approved → submitted), official statistics from partner bodies, and exports (CSV, SDMX-JSON) with small-cell suppression.',
    version: '1.0.0',
    bodyLimit: config.BODY_LIMIT,
    requestsPerMinute: config.RATE_LIMIT_PER_MINUTE,
    docs: config.API_DOCS,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    quiet: options.quiet ?? false,
  });
  await handleDomainEvents(app);
  return app;
}
