import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { kafkaUserEnv, requiredEnv, TestIssuer } from '@qorgau/testing';
import { IntakePrisma } from '../database/intake-prisma.service';
import { createIntakeApp } from '../intake-app';
import { loadIntakeConfig } from '../intake.config';

/** Intake in-process on a free port, against the test database and broker, trusting a test issuer. */
export async function startIntake(): Promise<{ app: INestApplication; url: string; prisma: IntakePrisma; issuer: TestIssuer; stop: () => Promise<void> }> {
  const issuer = await TestIssuer.start();
  const config = loadIntakeConfig({
    ...process.env,
    ...issuer.env,
    DATABASE_URL: requiredEnv('INTAKE_DATABASE_URL'),
    ...kafkaUserEnv('intake'),
    PERSONAL_DATA_KEY: randomBytes(32).toString('base64'),
    PERSONAL_DATA_KEYS_DATABASE_URL: requiredEnv('INTAKE_KEYS_DATABASE_URL'),
  });
  const app = await createIntakeApp(config, { quiet: true });
  await app.listen(0, '127.0.0.1');
  return {
    app,
    url: await app.getUrl(),
    prisma: app.get(IntakePrisma),
    issuer,
    stop: async () => {
      await app.close();
      await issuer.stop();
    },
  };
}
