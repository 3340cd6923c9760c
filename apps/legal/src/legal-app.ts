import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@qorgau/service-kit';
import { LegalModule } from './app.module';
import type { LegalConfig } from './legal.config';

export function createLegalApp(config: LegalConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createServiceApp(LegalModule.withConfig(config), config, {
    title: 'Qorgau legal',
    description:
      "Legal consultations, assistance on victims' cases (documents, repatriation, representation), complaints against agencies and criminal proceedings to verdict. Clients' details stay in this service.",
    ...options,
  });
}
