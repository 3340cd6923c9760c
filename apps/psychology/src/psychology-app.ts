import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@qorgau/service-kit';
import { PsychologyModule } from './app.module';
import type { PsychologyConfig } from './psychology.config';

export function createPsychologyApp(config: PsychologyConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createServiceApp(PsychologyModule.withConfig(config), config, {
    title: 'Qorgau psychology',
    description: 'Psychological consultations (anonymous by default) and victims’ rehabilitation: assessment, sessions, completion. Notes are for psychologists only.',
    ...options,
  });
}
