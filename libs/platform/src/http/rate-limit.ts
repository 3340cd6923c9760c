import type { NextFunction, Request, Response } from 'express';

export interface RateLimitOptions {
  /** Requests one client address may make per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Paths never limited (health probes). */
  readonly exempt?: (path: string) => boolean;
}

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
 * A fixed-window limit per client address and token subject, kept in memory: enough to blunt
 * password guessing and scraping of one instance. With several replicas the limit is per replica.
 */
export function rateLimit(options: RateLimitOptions) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  let nextSweep = Date.now() + options.windowMs;
  return (request: Request, response: Response, next: NextFunction): void => {
    if (options.exempt?.(request.path)) return next();
    const now = Date.now();
    if (now > nextSweep) {
      for (const [client, window] of windows) if (window.resetAt <= now) windows.delete(client);
      nextSweep = now + options.windowMs;
    }
    const client = rateLimitKey(request);
    let window = windows.get(client);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + options.windowMs };
      windows.set(client, window);
    }
    window.count += 1;
    response.setHeader('RateLimit-Limit', String(options.limit));
    response.setHeader('RateLimit-Remaining', String(Math.max(0, options.limit - window.count)));
    if (window.count > options.limit) {
      response.setHeader('Retry-After', String(Math.ceil((window.resetAt - now) / 1000)));
      response.status(429).json({ statusCode: 429, error: 'Too Many Requests', message: 'too many requests; slow down' });
      return;
    }
    next();
  };
}
