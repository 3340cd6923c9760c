import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { WebConfig } from './web.config';

/** The services the browser reaches at /api/<service>/…: one origin, no CORS. */
export const API_SERVICES = ['intake', 'projection', 'legal', 'psychology', 'social', 'outreach', 'statistics'] as const;
export type ApiService = (typeof API_SERVICES)[number];

const serviceUrl = (config: WebConfig, service: ApiService): string =>
  ({
    intake: config.INTAKE_URL,
    projection: config.PROJECTION_URL,
    legal: config.LEGAL_URL,
    psychology: config.PSYCHOLOGY_URL,
    social: config.SOCIAL_URL,
    outreach: config.OUTREACH_URL,
    statistics: config.STATISTICS_URL,
  })[service];

/**
 * The web application's origin: the built pages, their runtime settings at /config.json, and a
 * proxy per service. The gateway holds no state and no tokens; each service checks the bearer token
 * the browser sends, as it would from any client.
 */
export function createGateway(config: WebConfig): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders(config));

  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  // Where to sign in is the deployment's choice, not the build's: one image serves every office.
  // The provider's discovery document comes along, so the browser's silent sign-in does not wait
  // for a round trip to fetch it; without it (provider unreachable) the browser fetches it itself.
  const metadata = providerMetadata(config.OIDC_AUTHORITY);
  app.get('/config.json', async (_request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    const discovered = await metadata();
    response.json({ oidc: { authority: config.OIDC_AUTHORITY, clientId: config.OIDC_CLIENT_ID, ...(discovered ? { metadata: discovered } : {}) } });
  });

  for (const service of API_SERVICES) {
    app.use(
      `/api/${service}`,
      createProxyMiddleware({
        target: serviceUrl(config, service),
        changeOrigin: true,
        xfwd: true,
        proxyTimeout: 30_000,
        // A service that is down is a 502 with our error shape, not a hung request.
        on: {
          error: (_error, _request, response) => {
            const res = response as Response;
            if ('headersSent' in res && !res.headersSent) {
              res.status(502).json({ statusCode: 502, error: 'Bad Gateway', message: `${service} cannot be reached; try again in a moment` });
            }
          },
        },
      }),
    );
  }

  const root = path.resolve(config.WEB_ROOT);
  const index = path.join(root, 'index.html');
  // Hashed assets are immutable; index.html must always be fresh so a deploy reaches every desk.
  app.use('/assets', express.static(path.join(root, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  app.use(express.static(root, { index: false, maxAge: 0 }));
  app.get('/{*path}', (_request, response) => {
    if (!existsSync(index)) {
      response.status(503).type('text/plain').send('The web application is not built: run `npm run build`.');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return app;
}

function securityHeaders(config: WebConfig) {
  const provider = new URL(config.OIDC_AUTHORITY).origin;
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${provider}`,
    `frame-src 'self' ${provider}`,
    // Only the application itself may frame its pages: the silent sign-in's hidden frame.
    "frame-ancestors 'self'",
    "base-uri 'self'",
    `form-action 'self' ${provider}`,
  ].join('; ');
  return (_request: Request, response: Response, next: NextFunction): void => {
    response.setHeader('Content-Security-Policy', policy);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    next();
  };
}

/** The provider's OpenID configuration, fetched once and kept for five minutes; undefined while it cannot be had. */
function providerMetadata(authority: string): () => Promise<Record<string, unknown> | undefined> {
  let kept: { readonly value: Record<string, unknown>; readonly until: number } | undefined;
  return async () => {
    if (kept && kept.until > Date.now()) return kept.value;
    try {
      const response = await fetch(`${authority.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(2_000) });
      if (!response.ok) return undefined;
      kept = { value: (await response.json()) as Record<string, unknown>, until: Date.now() + 300_000 };
      return kept.value;
    } catch {
      return undefined;
    }
  };
}
