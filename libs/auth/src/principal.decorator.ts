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

/** For rules with region 'record': a regional role may touch only its own region's records. */
export function assertRegion(principal: Pick<Principal, 'region'>, region: RegionCode): void {
  if (principal.region && principal.region !== region) {
    throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: `you act for region ${principal.region} only` });
  }
}
