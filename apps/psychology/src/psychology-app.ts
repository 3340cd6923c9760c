import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '@qorgau/platform';
import { handleDomainEvents } from '@qorgau/service-kit';
import { PsychologyModule } from './app.module';
import type { PsychologyConfig } from './psychology.config';

export async function createPsychologyApp(config: PsychologyConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  const app = await createHttpApp(PsychologyModule.withConfig(config), {
    title: 'Qorgau psychology',
    description: 'Psychological consultations (anonymous by default) and victims’ rehabilitation: assessment, sessions, completion. Notes are for psychologists only.',
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
