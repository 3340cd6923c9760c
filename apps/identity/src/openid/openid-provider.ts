import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import * as oidc from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { IdentityConfig } from '../identity.config';
import type { LocalAccounts } from '../local-accounts';

/** The resource every Qorgau service is: access tokens for it carry `aud` = AUTH_AUDIENCE. */
export const QORGAU_API = 'urn:qorgau:api';
export const WEB_CLIENT_ID = 'qorgau-web';

export interface OpenIdProvider {
  /** The provider's request handler (a Koa app), mounted in front of the issuer's own routes. */
  readonly handle: (request: IncomingMessage, response: ServerResponse) => void;
  readonly provider: oidc.default;
}

/**
 * A minimal, standard OpenID provider for development: authorization code with PKCE for the web
 * application, discovery, JWKS, RP-initiated logout. Built on `oidc-provider` (OpenID certified)
 * rather than by hand; its access tokens are JWTs with the role and region the services check.
 */
export function createOpenIdProvider(config: IdentityConfig, accounts: LocalAccounts, privateJwk: JWK, kid: string): OpenIdProvider {
  const redirectOrigins = config.WEB_ORIGINS;
  const cookieKey = createHash('sha256').update(`qorgau-identity-cookies:${privateJwk.d}`).digest('base64url');
  const configuration: Configuration = {
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        client_name: 'Qorgau',
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        // The sign-in redirect, and the page a silent sign-in's hidden frame lands on.
        redirect_uris: redirectOrigins.flatMap((origin) => [`${origin}/auth/callback`, `${origin}/silent-callback.html`]),
        post_logout_redirect_uris: redirectOrigins.map((origin) => `${origin}/`),
      },
    ],
    jwks: { keys: [{ ...privateJwk, kid, alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [cookieKey] },
    routes: { jwks: '/.well-known/jwks.json', authorization: '/auth', token: '/token', end_session: '/session/end' },
    claims: { openid: ['sub'], profile: ['preferred_username', 'role', 'region'] },
    scopes: ['openid', 'profile', 'offline_access', 'api'],
    pkce: { required: () => true },
    ttl: {
      AccessToken: config.TOKEN_TTL_SECONDS,
      IdToken: config.TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      RefreshToken: 8 * 3600,
    },
    findAccount: (_ctx, sub) => {
      const user = accounts.find(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: () => ({ sub, preferred_username: sub, role: user.role, ...(user.region ? { region: user.region } : {}) }) };
    },
    // Role and region travel in the access token: they are what every service decides on.
    extraTokenClaims: (_ctx, token) => {
      const user = 'accountId' in token && typeof token.accountId === 'string' ? accounts.find(token.accountId) : undefined;
      return user ? { role: user.role, ...(user.region ? { region: user.region } : {}) } : undefined;
    },
    // Qorgau's web application is first-party: signing in is the consent.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const client = ctx.oidc.client!;
      const session = ctx.oidc.session!;
      const grantId = ctx.oidc.result?.['consent']?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
      grant.addOIDCScope('openid profile offline_access');
      grant.addOIDCClaims(['preferred_username', 'role', 'region']);
      grant.addResourceScope(QORGAU_API, 'api');
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource: autoSubmitLogout },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => QORGAU_API,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== QORGAU_API) throw new oidc.errors.InvalidTarget();
          return { scope: 'api', audience: config.AUTH_AUDIENCE, accessTokenTTL: config.TOKEN_TTL_SECONDS, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    clientBasedCORS: (_ctx, origin) => redirectOrigins.includes(origin),
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title></head><body><main><h1>Sign-in error</h1><p>${escapeHtml(String(out['error_description'] ?? out['error'] ?? 'error'))}</p></main></body></html>`;
    },
  };
  const provider = new oidc.default(config.AUTH_ISSUER, configuration);
  // Behind the platform's own loopback, not a TLS-terminating proxy: no X-Forwarded-* to trust.
  provider.proxy = false;
  return { provider, handle: provider.callback() as OpenIdProvider['handle'] };
}

/** Sign-out needs no second question: the staff member pressed "Sign out" in the application. */
async function autoSubmitLogout(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing out</title></head><body><main><h1>Signing out…</h1>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"><noscript><button type="submit">Sign out</button></noscript></form>')}<script>document.forms[0].submit()</script></main></body></html>`;
}

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
