import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from './roles';

/**
 * Where a request names the region it acts on, so that a regional role can be held to its own:
 * a body field, a path parameter, or `record` when only the stored record knows (the use case
 * then calls assertRegion once it has loaded it).
 */
export type RegionSource = { readonly body: string } | { readonly param: string } | { readonly query: string } | 'record';

export interface AccessRule {
  readonly roles: readonly Role[];
  readonly region?: RegionSource;
}

export const ACCESS_RULE = 'qorgau:access-rule';
export const PUBLIC_ROUTE = 'qorgau:public';

/**
 * Who may call an endpoint — one line per endpoint, e.g.
 * `@Access({ roles: ['PSYCHOLOGIST'], region: 'record' })` for "a psychologist's notes are for psychologists".
 * An endpoint without a rule is refused to everyone.
 */
export const Access = (rule: AccessRule): MethodDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, rule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid access token' }),
    ApiForbiddenResponse({ description: `Allowed to: ${rule.roles.join(', ')}${rule.region ? ', in their own region' : ''}` }),
  );

/** Health probes and API docs: no token needed. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
