import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

export interface RuntimeConfig {
  /** `metadata`: the provider's discovery document, when the gateway could fetch it. */
  readonly oidc: { readonly authority: string; readonly clientId: string; readonly metadata?: Record<string, unknown> };
}

export interface Principal {
  readonly username: string;
  readonly role: string;
  readonly region: string | null;
}

/**
 * Sign-in by standard OpenID Connect (authorization code + PKCE), so one build works with the
 * organisation's provider or the local issuer. Tokens are kept in memory only, never in
 * localStorage: a reload asks the provider again (silently while its session lasts).
 */
export class Auth {
  readonly manager: UserManager;
  private user: User | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    config: RuntimeConfig,
    private readonly language: () => string,
  ) {
    this.manager = new UserManager({
      authority: config.oidc.authority,
      client_id: config.oidc.clientId,
      ...(config.oidc.metadata ? { metadata: config.oidc.metadata } : {}),
      redirect_uri: `${location.origin}/auth/callback`,
      silent_redirect_uri: `${location.origin}/silent-callback.html`,
      silentRequestTimeoutInSeconds: 5,
      post_logout_redirect_uri: `${location.origin}/`,
      response_type: 'code',
      scope: 'openid profile offline_access',
      userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      automaticSilentRenew: true,
    });
    this.manager.events.addUserLoaded((user) => this.set(user));
    this.manager.events.addUserUnloaded(() => this.set(null));
    this.manager.events.addSilentRenewError(() => this.set(null));
    this.manager.events.addAccessTokenExpired(() => this.set(null));
  }

  get accessToken(): string | null {
    return this.user && !this.user.expired ? this.user.access_token : null;
  }

  get principal(): Principal | null {
    const token = this.accessToken;
    if (!token) return null;
    const claims = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    return { username: String(claims['sub']), role: String(claims['role']), region: typeof claims['region'] === 'string' ? claims['region'] : null };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Completes a redirect back from the provider; otherwise resumes the provider's session in a
   * hidden frame, so a reload or a new tab needs no click while the session lasts. Without one,
   * the sign-in page shows.
   */
  async start(): Promise<void> {
    if (location.pathname === '/auth/callback') {
      const user = await this.manager.signinRedirectCallback();
      const target = typeof user.state === 'string' && user.state.startsWith('/') ? user.state : '/';
      history.replaceState(null, '', target);
      this.set(user);
      return;
    }
    this.set(await this.manager.signinSilent().catch(() => null));
  }

  signIn(): Promise<void> {
    return this.manager.signinRedirect({ state: location.pathname + location.search, extraQueryParams: { ui_locales: this.language() } });
  }

  /** Ends the provider's session too, so the next person at this computer must sign in. */
  async signOut(): Promise<void> {
    const idToken = this.user?.id_token;
    this.set(null);
    await this.manager.signoutRedirect(idToken ? { id_token_hint: idToken } : {});
  }

  private set(user: User | null): void {
    this.user = user;
    for (const listener of this.listeners) listener();
  }
}
