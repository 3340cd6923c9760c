import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import pg from 'pg';

export interface RateLimitOptions {
  /** Requests one client address may make per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Paths never limited (health probes). */
  readonly exempt?: (path: string) => boolean;
  /** Where the counts are kept (default: this process's memory). */
  readonly store?: RateLimitStore;
}

/** Counts a bucket's requests in the current fixed window. */
export interface RateLimitStore {
  hit(bucket: string, windowMs: number, now: number): Promise<{ readonly count: number; readonly resetAt: number }>;
}

/** Counts in this process: enough for one instance. */
export function memoryStore(): RateLimitStore {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = 0;
  return {
    async hit(bucket, windowMs, now) {
      if (now > nextSweep) {
        for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
        nextSweep = now + windowMs;
      }
      let window = windows.get(bucket);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowMs };
        windows.set(bucket, window);
      }
      window.count += 1;
      return window;
    },
  };
}

/**
 * Counts in the service's own database (table rate_limit_window, which the migration tool applies
 * from libs/platform/sql), so every replica of a service shares one limit.
 */
export function databaseStore(databaseUrl: string): RateLimitStore {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, allowExitOnIdle: true });
  // An idle connection the server closes (a PostgreSQL restart) must not take the process down.
  pool.on('error', () => undefined);
  // Every request of one client adds to the same row. Waiting for each of those commits to reach the
  // disk made the requests take turns at the fsync's pace — the limit throttling the service under
  // load by itself. A counter lost in a crash costs nothing, so its commits do not wait for the disk.
  pool.on('connect', (client) => {
    client.query('SET synchronous_commit = off').catch(() => undefined);
  });
  let nextSweep = 0;
  return {
    async hit(bucket, windowMs, now) {
      const start = Math.floor(now / windowMs) * windowMs;
      const { rows } = await pool.query<{ hits: number }>(
        `INSERT INTO rate_limit_window (bucket, window_start, hits) VALUES ($1, to_timestamp($2 / 1000.0), 1)
         ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1 RETURNING hits`,
        [bucket, start],
      );
      if (now > nextSweep) {
        nextSweep = now + windowMs;
        await pool.query('DELETE FROM rate_limit_window WHERE window_start < to_timestamp($1 / 1000.0)', [start - windowMs]);
      }
      return { count: rows[0]!.hits, resetAt: start + windowMs };
    },
  };
}

const logger = new Logger('RateLimit');

/**
 * The bucket a request counts against: its client address and, when it carries a bearer token, the
 * token's subject — so colleagues behind one office address do not share a limit. The token is not
 * verified here (that comes later); a forged subject only splits the forger's own address further.
 */
export function rateLimitKey(request: Pick<Request, 'ip' | 'headers'>): string {
  const address = request.ip ?? 'unknown';
  const authorization = request.headers['authorization'];
  const payload = typeof authorization === 'string' && authorization.startsWith('Bearer ') ? authorization.slice(7).split('.')[1] : undefined;
  if (!payload) return address;
  try {
    const subject = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub;
    return typeof subject === 'string' && subject.length <= 200 ? `${address} ${subject}` : address;
  } catch {
    return address;
  }
}

/**
 * A fixed-window limit per client address and token subject: enough to blunt password guessing and
 * scraping. Kept in memory, or in the database when replicas must share it. If the store cannot
 * answer, the request goes through: the limit must not become the outage.
 */
export function rateLimit(options: RateLimitOptions) {
  const store = options.store ?? memoryStore();
  let warnedAt = 0;
  return (request: Request, response: Response, next: NextFunction): void => {
    if (options.exempt?.(request.path)) return next();
    const now = Date.now();
    store.hit(rateLimitKey(request), options.windowMs, now).then(
      (window) => {
        response.setHeader('RateLimit-Limit', String(options.limit));
        response.setHeader('RateLimit-Remaining', String(Math.max(0, options.limit - window.count)));
        if (window.count > options.limit) {
          response.setHeader('Retry-After', String(Math.ceil((window.resetAt - now) / 1000)));
          response.status(429).json({ statusCode: 429, error: 'Too Many Requests', message: 'too many requests; slow down' });
          return;
        }
        next();
      },
      (error: unknown) => {
        if (now - warnedAt > 60_000) {
          warnedAt = now;
          logger.warn(`rate limit store unavailable (${error instanceof Error ? error.name : 'error'}); requests pass unlimited`);
        }
        next();
      },
    );
  };
}
