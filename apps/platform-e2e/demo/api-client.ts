/** The platform's HTTP APIs as a user sees them: log in as a seeded local user, call a service. */
export type ServiceName = 'identity' | 'intake' | 'projection' | 'legal' | 'psychology' | 'social' | 'outreach' | 'statistics';

export class ApiClient {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly urls: Record<ServiceName, string>,
    private readonly password: string,
  ) {}

  async post<T = Record<string, unknown>>(user: string, service: ServiceName, path: string, body: unknown = {}): Promise<T> {
    return this.call<T>(user, service, path, { method: 'POST', body: JSON.stringify(body) });
  }

  async get<T = Record<string, unknown>>(user: string, service: ServiceName, path: string): Promise<T> {
    return this.call<T>(user, service, path, { method: 'GET' });
  }

  /** The raw response, for exports (CSV) and for checking refusals. */
  async fetch(user: string, service: ServiceName, path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.urls[service]}${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.token(user)}`, ...(init.headers ?? {}) } });
  }

  private async call<T>(user: string, service: ServiceName, path: string, init: RequestInit): Promise<T> {
    const response = await this.fetch(user, service, path, init);
    const text = await response.text();
    if (!response.ok) throw new Error(`${init.method} ${service}${path} as ${user}: ${response.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  private async token(user: string): Promise<string> {
    let token = this.tokens.get(user);
    if (!token) {
      const response = await fetch(`${this.urls.identity}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user, password: this.password }),
      });
      if (!response.ok) throw new Error(`login as ${user}: ${response.status} ${await response.text()}`);
      token = ((await response.json()) as { access_token: string }).access_token;
      this.tokens.set(user, token);
    }
    return token;
  }
}
