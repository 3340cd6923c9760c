import type { INestApplication } from '@nestjs/common';
import { createHttpApp } from '@qorgau/platform';
import { handleDomainEvents } from '@qorgau/service-kit';
import { IntakeModule } from './app.module';
import type { IntakeConfig } from './intake.config';

/** The intake HTTP app, built the same way by main.ts and by the integration tests. */
export async function createIntakeApp(config: IntakeConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  const app = await createHttpApp(IntakeModule.withConfig(config), {
    title: 'Qorgau intake',
    description: 'Hotline calls and victim cases: opening, identification, referral and closing. Personal details stay in this service.',
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
