import type { Request, Response } from 'express';
import { rateLimit } from './rate-limit';

function call(limiter: ReturnType<typeof rateLimit>, ip: string, path = '/cases'): number {
  let status = 200;
  const response = { setHeader: () => undefined, status: (code: number) => ((status = code), response), json: () => response } as unknown as Response;
  limiter({ ip, path } as Request, response, () => undefined);
  return status;
}

describe('rateLimit', () => {
  it('answers 429 past the limit, per client address, and leaves probes alone', () => {
    const limiter = rateLimit({ limit: 3, windowMs: 60_000, exempt: (path) => path.startsWith('/health') });
    expect([1, 2, 3, 4].map(() => call(limiter, '10.0.0.1'))).toEqual([200, 200, 200, 429]);
    expect(call(limiter, '10.0.0.2')).toBe(200);
    expect(call(limiter, '10.0.0.1', '/health')).toBe(200);
  });
});
