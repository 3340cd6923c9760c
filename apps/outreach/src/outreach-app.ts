import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@qorgau/service-kit';
import { OutreachModule } from './app.module';
import type { OutreachConfig } from './outreach.config';

export function createOutreachApp(config: OutreachConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createServiceApp(OutreachModule.withConfig(config), config, {
    title: 'Qorgau outreach',
    description:
      'Prevention and partnership: trainings with participants by sex and age band, materials, media, raids with partner agencies (identified victims open cases in intake) and the volunteer club.',
    ...options,
  });
}
