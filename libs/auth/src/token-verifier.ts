import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { principalFromClaims, type Principal } from './principal';
import { VerifiedTokens } from './verified-tokens';

export interface TokenVerifierOptions {
  /** Expected `iss`: the organisation's identity provider, or the built-in issuer locally. */
  readonly issuer: string;
  /** Expected `aud`: tokens minted for another application are refused. */
  readonly audience: string;
  /** Where the issuer publishes its signing keys (JWKS). */
  readonly jwksUrl: string;
}

export class AuthenticationError extends Error {
  /** True when the identity provider could not be asked, rather than the token being wrong. */
  readonly unavailable: boolean;

  constructor(readonly reason: string) {
    super(reason);
    this.name = 'AuthenticationError';
    this.unavailable = reason === IDP_UNREACHABLE;
  }
}

/**
 * Checks an access token: signature by a key from the issuer's JWKS (fetched and cached, refreshed
 * when an unknown key id appears), issuer, audience, expiry; then Qorgau's role and region claims.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly verified = new VerifiedTokens();

  constructor(private readonly options: TokenVerifierOptions) {
    this.keys = createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return known;
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ['RS256', 'ES256'],
        // An access token (RFC 9068), never an ID token or another JWT the provider signs.
        typ: 'at+jwt',
        clockTolerance: 30,
        // However long its expiry, a token issued more than a working day ago is refused.
        maxTokenAge: MAX_TOKEN_AGE,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      throw new AuthenticationError(reasonOf(error));
    }
    const principal = principalFromClaims(payload);
    if (!principal) throw new AuthenticationError('the token does not carry a valid role and region');
    // Kept until its expiry or its maximum age, whichever is first (exp and iat are required claims).
    const { exp, iat } = payload as { exp: number; iat: number };
    this.verified.keep(token, principal, Math.min(exp, iat + MAX_TOKEN_AGE_SECONDS) * 1000);
    return principal;
  }
}

const IDP_UNREACHABLE = 'the identity provider cannot be reached';
const MAX_TOKEN_AGE_SECONDS = 12 * 3600;
export const MAX_TOKEN_AGE = `${MAX_TOKEN_AGE_SECONDS / 3600}h`;

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim === 'typ' ? 'the token is not an access token (typ at+jwt)' : `the token's ${error.claim} claim is not accepted here`;
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'the token is not signed by the identity provider';
  if (error instanceof errors.JWKSTimeout || (error instanceof Error && /fetch|ECONNREFUSED/i.test(error.message))) return IDP_UNREACHABLE;
  return 'the token is not valid';
}
