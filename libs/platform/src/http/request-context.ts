import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export interface RequestContext {
  /** Carried into every event the request causes; taken from X-Correlation-Id when it is a UUID. */
  readonly correlationId: string;
  /** One clock reading per request, so every rule in it sees the same "now". */
  readonly now: Date;
  /** Where the request came from, for the audit trail. */
  readonly sourceIp: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requestContextOf(request: Pick<Request, 'headers' | 'ip'>): RequestContext {
  const header = request.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && UUID.test(header) ? header.toLowerCase() : randomUUID();
  return { correlationId, now: new Date(), sourceIp: request.ip ?? null };
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => requestContextOf(context.switchToHttp().getRequest<Request>()));

export const isUuid = (value: string): boolean => UUID.test(value);
