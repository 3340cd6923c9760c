import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '@qorgau/platform';
import { handleDomainEvents } from '@qorgau/service-kit';
import { LegalModule } from './app.module';
import type { LegalConfig } from './legal.config';

export async function createLegalApp(config: LegalConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  const app = await createHttpApp(LegalModule.withConfig(config), {
    title: 'Qorgau legal',
    description:
      "Legal consultations, assistance on victims' cases (documents, repatriation, representation), complaints against agencies and criminal proceedings to verdict. Clients' details stay in this service.",
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
