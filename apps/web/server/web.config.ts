import { z } from 'zod';
import { hostVariable, loadConfig, portVariable, variable, type ConfigOf } from '@qorgau/platform';

const serviceUrl = (service: string, port: number) =>
  variable({ schema: z.url().default(`http://127.0.0.1:${port}`), description: `Base URL of ${service}, reached at /api/${service}/… (default http://127.0.0.1:${port})` });

export const webConfigSpec = {
  PORT: portVariable(8080),
  HOST: hostVariable,
  WEB_ROOT: variable({ schema: z.string().min(1).default('dist/apps/web/client'), description: 'Folder of the built application (default dist/apps/web/client)' }),
  OIDC_AUTHORITY: variable({
    schema: z.url().default('http://127.0.0.1:3000'),
    description: "The OpenID provider the browser signs in with: the organisation's, or the local issuer (default http://127.0.0.1:3000)",
  }),
  OIDC_CLIENT_ID: variable({ schema: z.string().min(1).default('qorgau-web'), description: 'Client id of the web application at the provider (default qorgau-web)' }),
  INTAKE_URL: serviceUrl('intake', 3001),
  PROJECTION_URL: serviceUrl('projection', 3002),
  LEGAL_URL: serviceUrl('legal', 3003),
  PSYCHOLOGY_URL: serviceUrl('psychology', 3004),
  OUTREACH_URL: serviceUrl('outreach', 3005),
  STATISTICS_URL: serviceUrl('statistics', 3006),
};

export type WebConfig = ConfigOf<typeof webConfigSpec>;
export const loadWebConfig = (env: NodeJS.ProcessEnv = process.env): WebConfig => loadConfig(webConfigSpec, env);
