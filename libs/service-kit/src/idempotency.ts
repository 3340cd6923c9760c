import { createHash } from 'node:crypto';
import { HttpException, Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, from, map, of, switchMap, throwError, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '@qorgau/auth';
import type { SqlClient } from '@qorgau/messaging';
import type { IdempotentRequest, RequestContext } from '@qorgau/platform';
import { SERVICE_DB } from './tokens';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a key keeps its first answer (the IETF draft leaves it to the server; a working day is plenty for a retry). */
export const IDEMPOTENCY_WINDOW_HOURS = 24;
/**
 * A claim still unanswered after this long belongs to a request that died (its process killed): the
 * answer is kept in the command's transaction, and no transaction outlives it, so nothing was stored
 * under it and a retry may take it over instead of meeting a 409 for a day.
 */
export const ABANDONED_CLAIM_SECONDS = 30;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
// Nest keeps @HttpCode() here; an undecorated POST answers 201.
const HTTP_CODE_METADATA = '__httpCode__';

/** A stored answer must hold no personal data: its table is outside crypto-shredding. */
const PERSONAL_FIELD = /(name|phone|contact|notes?)$/i;

export function holdsPersonalData(body: unknown): boolean {
  if (Array.isArray(body)) return body.some(holdsPersonalData);
  if (typeof body !== 'object' || body === null) return false;
  return Object.entries(body).some(([key, value]) => (PERSONAL_FIELD.test(key) && value !== null && value !== undefined) || holdsPersonalData(value));
}

export const requestFingerprint = (method: string, path: string, body: unknown): string =>
  createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');

interface StoredRequest {
  fingerprint: string;
  status: number | null;
  response: unknown;
}

/** Answers kept by the command's own transaction (keepAnswer): the interceptor need not write them again. */
const keptAnswers = new WeakMap<IdempotentRequest, unknown>();
/** Keys older than the window are swept at most this often, not on every request. */
const SWEEP_EVERY_MS = 60_000;

const problem = (status: number, message: string) => new HttpException({ statusCode: status, message, fields: [{ field: 'Idempotency-Key', message }] }, status);

/**
 * `Idempotency-Key` on creating requests (draft-ietf-httpapi-idempotency-key-header): the same key
 * from the same caller within 24 hours gets the first answer and records nothing new; the same key
 * with another request is a 422, and one still being processed a 409. A key is claimed before the
 * handler runs, so two concurrent retries cannot both record; a failed request releases its key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private nextSweep = 0;

  constructor(@Inject(SERVICE_DB) private readonly db: SqlClient) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    const key = Array.isArray(header) ? (header[0] ?? '') : header;
    if (!KEY_PATTERN.test(key)) throw problem(400, 'must be 1 to 255 visible ASCII characters, e.g. a UUID');
    const subject = request.principal?.subject ?? 'anonymous';
    const fingerprint = requestFingerprint(request.method, request.originalUrl, request.body);
    const response = context.switchToHttp().getResponse<Response>();
    const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;

    return from(this.claim(subject, key, fingerprint)).pipe(
      switchMap((claim) => {
        if ('earlier' in claim) {
          const { earlier } = claim;
          if (earlier.fingerprint !== fingerprint) throw problem(422, 'was used for another request; use a new key for a new submission');
          if (earlier.status === null) throw problem(409, 'a request with this key is still being processed; check before retrying');
          response.setHeader('Idempotent-Replayed', 'true');
          response.status(earlier.status);
          return of(earlier.response);
        }
        const claimed: IdempotentRequest = { subject, key, status, claimedAt: claim.claimedAt };
        // The command's transaction keeps the answer too (keepAnswer), read from the request's context.
        (request as AuthenticatedRequest & { idempotency?: IdempotentRequest }).idempotency = claimed;
        return next.handle().pipe(
          // A refused or failed request records nothing: its key is free for the corrected retry.
          catchError((error: unknown) => from(this.release(claimed)).pipe(switchMap(() => throwError(() => error)))),
          // Once the handler succeeded the key stays claimed, even if storing the answer fails:
          // a retry then gets a 409, never a second record.
          switchMap((body) => from(this.complete(claimed, body)).pipe(map(() => body))),
        );
      }),
    );
  }

  /**
   * Claims the key (or takes over a claim abandoned by a request that died): the moment it was
   * claimed, which tells this claim from a later one; or the earlier request when the key is taken.
   */
  private async claim(subject: string, key: string, fingerprint: string): Promise<{ claimedAt: string } | { earlier: StoredRequest }> {
    await this.db.$executeRawUnsafe(`DELETE FROM idempotent_request WHERE subject = $1 AND key = $2 AND created_at < now() - interval '${IDEMPOTENCY_WINDOW_HOURS} hours'`, subject, key);
    const [claimed] = await this.db.$queryRawUnsafe<{ claimed_at: string }[]>(
      `INSERT INTO idempotent_request (subject, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT (subject, key) DO NOTHING RETURNING created_at::text AS claimed_at`,
      subject,
      key,
      fingerprint,
    );
    if (claimed) return { claimedAt: claimed.claimed_at };
    const [abandoned] = await this.db.$queryRawUnsafe<{ claimed_at: string }[]>(
      `UPDATE idempotent_request SET created_at = clock_timestamp() WHERE subject = $1 AND key = $2 AND fingerprint = $3 AND status IS NULL AND created_at < now() - interval '${ABANDONED_CLAIM_SECONDS} seconds' RETURNING created_at::text AS claimed_at`,
      subject,
      key,
      fingerprint,
    );
    if (abandoned) return { claimedAt: abandoned.claimed_at };
    const rows = await this.db.$queryRawUnsafe<StoredRequest[]>('SELECT fingerprint, status, response FROM idempotent_request WHERE subject = $1 AND key = $2', subject, key);
    return { earlier: rows[0] ?? { fingerprint, status: null, response: null } };
  }

  private async complete(claim: IdempotentRequest, body: unknown): Promise<void> {
    if (holdsPersonalData(body)) {
      // Never keep personal data outside its encrypted home: this answer cannot be replayed.
      this.logger.warn('an answer with personal fields is not kept for replay');
      await this.release(claim);
      return;
    }
    // The command kept its answer already; a controller that shaped it after the command keeps the shape sent.
    if (keptAnswers.get(claim) !== body) {
      await this.db.$executeRawUnsafe(
        'UPDATE idempotent_request SET status = $3, response = $4::jsonb WHERE subject = $1 AND key = $2',
        claim.subject,
        claim.key,
        claim.status,
        JSON.stringify(body ?? null),
      );
    }
    // Old keys are swept as new ones arrive; the index on created_at keeps this cheap.
    if (Date.now() >= this.nextSweep) {
      this.nextSweep = Date.now() + SWEEP_EVERY_MS;
      await this.db.$executeRawUnsafe(`DELETE FROM idempotent_request WHERE created_at < now() - interval '${IDEMPOTENCY_WINDOW_HOURS} hours'`);
    }
  }

  /** Frees this claim (not a later one that took an abandoned claim over). */
  private async release(claim: IdempotentRequest): Promise<void> {
    await this.db.$executeRawUnsafe('DELETE FROM idempotent_request WHERE subject = $1 AND key = $2 AND status IS NULL AND created_at = $3::timestamptz', claim.subject, claim.key, claim.claimedAt);
  }
}

/**
 * Keeps a request's answer in the command's own transaction: should the process die between the
 * commit and the reply, a retry with the same key replays it instead of recording again, or being
 * told for a day that the first is still being processed. (The interceptor writes it again only when
 * the controller shaped it after the command, so the replay is the answer as sent.) Only while the claim is still this request's: one so slow that a retry took its key over
 * rolls back rather than record twice. An answer with personal fields is not kept (holdsPersonalData).
 */
export async function keepAnswer(tx: SqlClient, context: RequestContext, result: unknown): Promise<void> {
  const claim = context.idempotency;
  if (!claim) return;
  const personal = holdsPersonalData(result);
  const kept = personal
    ? (
        await tx.$queryRawUnsafe<unknown[]>(
          'SELECT 1 FROM idempotent_request WHERE subject = $1 AND key = $2 AND status IS NULL AND created_at = $3::timestamptz FOR UPDATE',
          claim.subject,
          claim.key,
          claim.claimedAt,
        )
      ).length
    : await tx.$executeRawUnsafe(
        'UPDATE idempotent_request SET status = $3, response = $4::jsonb WHERE subject = $1 AND key = $2 AND status IS NULL AND created_at = $5::timestamptz',
        claim.subject,
        claim.key,
        claim.status,
        JSON.stringify(result ?? null),
        claim.claimedAt,
      );
  if (kept !== 1) throw problem(409, 'a retry with this key has taken it over; check before retrying');
  if (!personal) keptAnswers.set(claim, result);
}
