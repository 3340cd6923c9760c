import { createHash, timingSafeEqual } from 'node:crypto';
import { Body, Controller, Get, HttpCode, HttpException, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { Public } from '@qorgau/auth';
import { ApiZodBody, ZodValidationPipe } from '@qorgau/platform';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity.config';
import { localUsers, type LocalUser } from './local-users';
import type { SigningKey } from './signing-key';

export const SIGNING_KEY = Symbol('SIGNING_KEY');

const tokenRequest = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict();

/** Failed logins per username before a pause: slows down password guessing. */
const MAX_FAILURES = 5;
const LOCKOUT_MS = 60_000;

@ApiTags('tokens')
@Controller()
export class TokenController {
  private readonly users: Map<string, LocalUser>;
  private readonly failures = new Map<string, { count: number; until: number }>();
  private readonly passwordDigest: Buffer;

  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
  ) {
    this.users = new Map(localUsers(config.QORGAU_REGIONS).map((user) => [user.username, user]));
    this.passwordDigest = digest(config.LOCAL_USERS_PASSWORD);
  }

  @Public()
  @Get('.well-known/openid-configuration')
  discovery() {
    return { issuer: this.config.AUTH_ISSUER, jwks_uri: `${this.config.AUTH_ISSUER}/.well-known/jwks.json`, token_endpoint: `${this.config.AUTH_ISSUER}/token`, id_token_signing_alg_values_supported: ['RS256'] };
  }

  @Public()
  @Get('.well-known/jwks.json')
  jwks() {
    return { keys: [this.key.publicJwk] };
  }

  @Public()
  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a local username and password for an access token' })
  @ApiZodBody(tokenRequest)
  async token(@Body(new ZodValidationPipe(tokenRequest)) body: z.output<typeof tokenRequest>) {
    const now = Date.now();
    const failed = this.failures.get(body.username);
    if (failed && failed.count >= MAX_FAILURES && failed.until > now) {
      throw new HttpException({ statusCode: 429, message: 'too many failed attempts; wait a minute' }, 429);
    }
    const user = this.users.get(body.username);
    if (!user || !timingSafeEqual(digest(body.password), this.passwordDigest)) {
      this.failures.set(body.username, { count: (failed && failed.until > now ? failed.count : 0) + 1, until: now + LOCKOUT_MS });
      throw new UnauthorizedException({ statusCode: 401, message: 'unknown username or wrong password' });
    }
    this.failures.delete(body.username);
    const accessToken = await new SignJWT({ role: user.role, ...(user.region ? { region: user.region } : {}) })
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid, typ: 'JWT' })
      .setIssuer(this.config.AUTH_ISSUER)
      .setAudience(this.config.AUTH_AUDIENCE)
      .setSubject(user.username)
      .setIssuedAt()
      .setExpirationTime(`${this.config.TOKEN_TTL_SECONDS}s`)
      .sign(this.key.privateKey);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: this.config.TOKEN_TTL_SECONDS, role: user.role, region: user.region };
  }

  @Public()
  @Get('health')
  health() {
    return { status: 'ok' };
  }
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
