import { createParamDecorator, ForbiddenException, type ExecutionContext } from '@nestjs/common';
import type { RegionCode } from '@qorgau/contracts';
import type { AuthenticatedRequest } from './access.guard';
import type { Principal } from './principal';

/** The caller, as authenticated by AccessGuard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without AccessGuard');
  return principal;
});

/**
 * The caller's bearer token as it came (`Bearer …`), to ask another service on their behalf with
 * their own rights. Not a documented parameter: the OpenAPI bearer scheme already says it.
 */
export const CallerToken = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const header = context.switchToHttp().getRequest<AuthenticatedRequest>().headers.authorization;
  if (!header) throw new Error('CallerToken used on a route without AccessGuard');
  return header;
});

/** For rules with region 'record': a regional role may touch only its own region's records. */
export function assertRegion(principal: Pick<Principal, 'region'>, region: RegionCode): void {
  if (principal.region && principal.region !== region) {
    throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: `you act for region ${principal.region} only` });
  }
}
