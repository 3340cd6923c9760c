import { ForbiddenException, Inject, Injectable, ServiceUnavailableException, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { RegionCodeSchema } from '@qorgau/contracts';
import { ACCESS_RULE, PUBLIC_ROUTE, type AccessRule } from './access';
import type { Principal } from './principal';
import { AuthenticationError, TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = Request & { principal?: Principal };

/**
 * Enforced in every service, not in a gateway: authenticate the bearer token, find the endpoint's
 * rule (none: denied), check the role, and hold a regional role to its own region.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    // Named explicitly: the verifier is a value, and DI must not depend on emitted type metadata.
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request);
    request.principal = principal;

    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_RULE, context.getHandler());
    if (!rule) throw forbidden('this endpoint has no access rule, so it is closed to everyone');
    if (!rule.roles.includes(principal.role)) throw forbidden(`your role (${principal.role}) may not do this`);
    if (principal.region && rule.region && rule.region !== 'record') {
      const requested = RegionCodeSchema.safeParse(regionIn(request, rule.region));
      // A missing or malformed region is the validator's to report (400), not a permission question.
      if (requested.success && requested.data !== principal.region) throw forbidden(`you act for region ${principal.region} only`);
    }
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/.test(header) ? header.slice(7) : null;
    if (!token) throw unauthorized('an access token is required (Authorization: Bearer <token>)');
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof AuthenticationError && error.unavailable) throw new ServiceUnavailableException({ statusCode: 503, message: error.reason });
      throw unauthorized(error instanceof AuthenticationError ? error.reason : 'the token is not valid');
    }
  }
}

function regionIn(request: Request, source: Exclude<AccessRule['region'], 'record' | undefined>): unknown {
  if ('body' in source) return (request.body as Record<string, unknown> | undefined)?.[source.body];
  if ('param' in source) return request.params[source.param];
  return request.query[source.query];
}

const unauthorized = (message: string) => new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message });
const forbidden = (message: string) => new ForbiddenException({ statusCode: 403, error: 'Forbidden', message });
