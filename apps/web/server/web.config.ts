import { z } from 'zod';
import { localPort, type AppName } from '@qorgau/contracts';
import { hostVariable, loadConfig, portVariable, variable, type ConfigOf } from '@qorgau/platform';

const serviceUrl = (service: AppName, port = localPort(service)) =>
  variable({ schema: z.url().default(`http://127.0.0.1:${port}`), description: `Base URL of ${service}, reached at /api/${service}/… (default http://127.0.0.1:${port})` });

export const webConfigSpec = {
  PORT: portVariable(localPort('web')),
  HOST: hostVariable,
  WEB_ROOT: variable({ schema: z.string().min(1).default('dist/apps/web/client'), description: 'Folder of the built application (default dist/apps/web/client)' }),
  OIDC_AUTHORITY: variable({
    schema: z.url().default(`http://127.0.0.1:${localPort('identity')}`),
    description: `The OpenID provider the browser signs in with: the organisation's, or the local issuer (default http://127.0.0.1:${localPort('identity')})`,
  }),
  OIDC_CLIENT_ID: variable({ schema: z.string().min(1).default('qorgau-web'), description: 'Client id of the web application at the provider (default qorgau-web)' }),
  INTAKE_URL: serviceUrl('intake'),
  PROJECTION_URL: serviceUrl('projection'),
  LEGAL_URL: serviceUrl('legal'),
  PSYCHOLOGY_URL: serviceUrl('psychology'),
  SOCIAL_URL: serviceUrl('social'),
  OUTREACH_URL: serviceUrl('outreach'),
  STATISTICS_URL: serviceUrl('statistics'),
};

export type WebConfig = ConfigOf<typeof webConfigSpec>;
export const loadWebConfig = (env: NodeJS.ProcessEnv = process.env): WebConfig => loadConfig(webConfigSpec, env);
