import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as IntakePaths } from '../generated/intake';
import type { paths as LegalPaths } from '../generated/legal';
import type { paths as OutreachPaths } from '../generated/outreach';
import type { paths as ProjectionPaths } from '../generated/projection';
import type { paths as PsychologyPaths } from '../generated/psychology';
import type { paths as SocialPaths } from '../generated/social';
import type { paths as StatisticsPaths } from '../generated/statistics';

/** Thrown on 401: the desk keeps what was typed and asks the user to sign in again. */
export class SignInRequired extends Error {}

/** What the services answer on a refusal: `fields` names each field at fault (400). */
export interface ApiProblem {
  readonly statusCode: number;
  readonly message: string | string[];
  readonly fields?: readonly { readonly field: string; readonly message: string; readonly code?: string }[];
  /** A 409's broken business rules, e.g. consent-for-external-referral: the desk words them. */
  readonly rules?: readonly string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiProblem,
  ) {
    super(Array.isArray(problem.message) ? problem.message.join('; ') : problem.message);
  }
}

function bearer(token: () => string | null): Middleware {
  return {
    onRequest({ request }) {
      const value = token();
      if (!value) throw new SignInRequired('sign in first');
      request.headers.set('authorization', `Bearer ${value}`);
      return request;
    },
  };
}

/** Typed clients of the services behind the web origin (/api/<service>), from their OpenAPI documents. */
export function apiClients(token: () => string | null) {
  const clients = {
    intake: createClient<IntakePaths>({ baseUrl: '/api/intake' }),
    projection: createClient<ProjectionPaths>({ baseUrl: '/api/projection' }),
    legal: createClient<LegalPaths>({ baseUrl: '/api/legal' }),
    psychology: createClient<PsychologyPaths>({ baseUrl: '/api/psychology' }),
    social: createClient<SocialPaths>({ baseUrl: '/api/social' }),
    outreach: createClient<OutreachPaths>({ baseUrl: '/api/outreach' }),
    statistics: createClient<StatisticsPaths>({ baseUrl: '/api/statistics' }),
  };
  for (const client of Object.values(clients)) client.use(bearer(token));
  return clients;
}
export type ApiClients = ReturnType<typeof apiClients>;

/** The body of a success, or an ApiError that names the fields at fault. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.status === 401) throw new SignInRequired('the session has ended');
  if (result.error !== undefined || !result.response.ok)
    throw new ApiError(result.response.status, (result.error ?? { statusCode: result.response.status, message: result.response.statusText }) as ApiProblem);
  return result.data as T;
}

/**
 * One key per form submission: a retry after a lost response sends the same key, and the service
 * answers with the first result instead of recording twice (Idempotency-Key).
 */
export const newIdempotencyKey = (): string => crypto.randomUUID();
