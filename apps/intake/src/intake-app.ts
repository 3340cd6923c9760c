import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@qorgau/service-kit';
import { IntakeModule } from './app.module';
import type { IntakeConfig } from './intake.config';

/** The intake HTTP app, built the same way by main.ts and by the integration tests. */
export function createIntakeApp(config: IntakeConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createServiceApp(IntakeModule.withConfig(config), config, {
    title: 'Qorgau intake',
    description: 'Hotline calls and victim cases: opening, identification, referral and closing. Personal details stay in this service.',
    ...options,
  });
}
