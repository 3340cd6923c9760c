import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { Role } from '@qorgau/auth';
import type { RegionCode } from '@qorgau/contracts';

export interface TokenOptions {
  readonly audience?: string;
  readonly issuer?: string;
  /** Negative for a token that has already expired. */
  readonly expiresInSeconds?: number;
  /** Sign with a key the issuer does not publish. */
  readonly foreignKey?: boolean;
}

/**
 * A real token issuer for in-process integration tests: an RS256 key whose JWKS is served over
 * HTTP on loopback, and tokens for any role and region. End-to-end tests use the identity service.
 */
export class TestIssuer {
  private constructor(
    private readonly server: Server,
    private readonly key: CryptoKey,
    private readonly foreign: CryptoKey,
    readonly url: string,
    readonly audience: string,
  ) {}

  static async start(audience = 'qorgau'): Promise<TestIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const foreign = await generateKeyPair('RS256');
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'test', alg: 'RS256', use: 'sig' }] });
    const server = createServer((request, response) => {
      if (request.url === '/.well-known/jwks.json') response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new TestIssuer(server, privateKey, foreign.privateKey, url, audience);
  }

  /** Environment for a service that should trust this issuer. */
  get env(): Record<string, string> {
    return { AUTH_ISSUER: this.url, AUTH_AUDIENCE: this.audience, AUTH_JWKS_URL: `${this.url}/.well-known/jwks.json` };
  }

  async token(role: Role, region: RegionCode | null, options: TokenOptions = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ role, ...(region ? { region } : {}) })
      .setProtectedHeader({ alg: 'RS256', kid: 'test', typ: 'at+jwt' })
      .setIssuer(options.issuer ?? this.url)
      .setAudience(options.audience ?? this.audience)
      .setSubject(`test-${role.toLowerCase()}${region ? `-${region.toLowerCase()}` : ''}`)
      .setIssuedAt(now - 120)
      .setExpirationTime(now + (options.expiresInSeconds ?? 600))
      .sign(options.foreignKey ? this.foreign : this.key);
  }

  /** `{ authorization: 'Bearer …' }` for fetch. */
  async as(role: Role, region: RegionCode | null = null): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await this.token(role, region)}` };
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
