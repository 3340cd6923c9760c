import type { NextFunction, Request, Response } from 'express';

export interface RateLimitOptions {
  /** Requests one client address may make per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Paths never limited (health probes). */
  readonly exempt?: (path: string) => boolean;
}

/**
 * A fixed-window limit per client address, kept in memory: enough to blunt password guessing and
 * scraping of one instance. Behind a load balancer, a shared limiter (the gateway's) goes in front.
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
    const client = request.ip ?? 'unknown';
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
      response.status(429).json({ statusCode: 429, error: 'Too Many Requests', message: 'too many requests from this address; slow down' });
      return;
    }
    next();
  };
}
