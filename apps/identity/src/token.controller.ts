import { Body, Controller, Get, HttpCode, HttpException, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { Public } from '@qorgau/auth';
import { ApiZodBody, ZodValidationPipe } from '@qorgau/platform';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity.config';
import { LocalAccounts } from './local-accounts';
import type { SigningKey } from './signing-key';

export const SIGNING_KEY = Symbol('SIGNING_KEY');

const tokenRequest = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict();

/** The password login for scripts and tests; people sign in through the OpenID flow. */
@ApiTags('tokens')
@Controller()
export class TokenController {
  constructor(
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
    @Inject(LocalAccounts) private readonly accounts: LocalAccounts,
  ) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a local username and password for an access token (JSON body; scripts and tests)' })
  @ApiZodBody(tokenRequest)
  async token(@Body(new ZodValidationPipe(tokenRequest)) body: z.output<typeof tokenRequest>) {
    const outcome = this.accounts.signIn(body.username, body.password);
    if ('refused' in outcome) {
      if (outcome.refused === 'locked') throw new HttpException({ statusCode: 429, message: 'too many failed attempts; wait a minute' }, 429);
      throw new UnauthorizedException({ statusCode: 401, message: 'unknown username or wrong password' });
    }
    const { user } = outcome;
    const accessToken = await new SignJWT({ role: user.role, ...(user.region ? { region: user.region } : {}) })
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid, typ: 'at+jwt' })
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
