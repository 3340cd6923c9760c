import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '@qorgau/platform';
import { LegalModule } from './app.module';
import type { LegalConfig } from './legal.config';

export function createLegalApp(config: LegalConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createHttpApp(LegalModule.withConfig(config), {
    title: 'Qorgau legal',
    description: "Legal consultations, assistance on victims' cases (documents, repatriation, representation), complaints against agencies and criminal proceedings to verdict. Clients' details stay in this service.",
    version: '1.0.0',
    bodyLimit: config.BODY_LIMIT,
    requestsPerMinute: config.RATE_LIMIT_PER_MINUTE,
    docs: config.API_DOCS,
    trustProxyHops: config.TRUST_PROXY_HOPS,
    quiet: options.quiet ?? false,
  });
}
