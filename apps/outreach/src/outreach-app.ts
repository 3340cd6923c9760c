import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '@qorgau/platform';
import { handleDomainEvents } from '@qorgau/service-kit';
import { OutreachModule } from './app.module';
import type { OutreachConfig } from './outreach.config';

export async function createOutreachApp(config: OutreachConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  const app = await createHttpApp(OutreachModule.withConfig(config), {
    title: 'Qorgau outreach',
    description:
      'Prevention and partnership: trainings with participants by sex and age band, materials, media, raids with partner agencies (identified victims open cases in intake) and the volunteer club.',
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
