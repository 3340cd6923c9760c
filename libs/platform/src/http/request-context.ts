import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export interface RequestContext {
  /** Carried into every event the request causes and its audit entries: always the server's own. */
  readonly correlationId: string;
  /**
   * The caller's X-Correlation-Id, when it is a UUID: kept apart, so no client can make its
   * requests' events pass for another request's, or join a trace it has no part in.
   */
  readonly clientCorrelationId: string | null;
  /** One clock reading per request, so every rule in it sees the same "now". */
  readonly now: Date;
  /** Where the request came from, for the audit trail. */
  readonly sourceIp: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requestContextOf(request: Pick<Request, 'headers' | 'ip'>): RequestContext {
  const header = request.headers['x-correlation-id'];
  const clientCorrelationId = typeof header === 'string' && UUID.test(header) ? header.toLowerCase() : null;
  return { correlationId: randomUUID(), clientCorrelationId, now: new Date(), sourceIp: request.ip ?? null };
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => requestContextOf(context.switchToHttp().getRequest<Request>()));

export const isUuid = (value: string): boolean => UUID.test(value);
