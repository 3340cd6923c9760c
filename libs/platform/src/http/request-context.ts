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
  /**
   * The request's Idempotency-Key, claimed by service-kit's interceptor: its answer is kept in the
   * command's own transaction, so a retry after a crash finds it whenever the record was stored.
   */
  readonly idempotency?: IdempotentRequest;
}

/** A claimed Idempotency-Key: whose, which, the status its success answers with, and when it was claimed (this claim, not a later one). */
export interface IdempotentRequest {
  readonly subject: string;
  readonly key: string;
  readonly status: number;
  readonly claimedAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requestContextOf(request: Pick<Request, 'headers' | 'ip'> & { idempotency?: IdempotentRequest }): RequestContext {
  const header = request.headers['x-correlation-id'];
  const clientCorrelationId = typeof header === 'string' && UUID.test(header) ? header.toLowerCase() : null;
  return { correlationId: randomUUID(), clientCorrelationId, now: new Date(), sourceIp: request.ip ?? null, ...(request.idempotency ? { idempotency: request.idempotency } : {}) };
}

export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => requestContextOf(context.switchToHttp().getRequest<Request>()));

export const isUuid = (value: string): boolean => UUID.test(value);
