import type { INestApplication } from '@nestjs/common';
import { createServiceApp } from '@qorgau/service-kit';
import { SocialModule } from './app.module';
import type { SocialConfig } from './social.config';

export function createSocialApp(config: SocialConfig, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  return createServiceApp(SocialModule.withConfig(config), config, {
    title: 'Qorgau social services',
    description: 'The organisation’s shelters (addresses sealed), victims’ stays from referral to exit, basic assistance and aftercare.',
    ...options,
  });
}
