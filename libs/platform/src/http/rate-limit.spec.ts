import type { Request, Response } from 'express';
import { rateLimit, rateLimitKey } from './rate-limit';

/** The status a request gets: 200 when the limiter lets it through, else what it answered. */
function call(limiter: ReturnType<typeof rateLimit>, ip: string, path = '/cases', headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    let status = 200;
    const response = { setHeader: () => undefined, status: (code: number) => ((status = code), response), json: () => (resolve(status), response) } as unknown as Response;
    limiter({ ip, path, headers } as unknown as Request, response, () => resolve(200));
  });
}

const inTurn = async (count: number, request: () => Promise<number>): Promise<number[]> => {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push(await request());
  return statuses;
};

describe('rateLimit', () => {
  it('answers 429 past the limit, per client address, and leaves probes alone', async () => {
    const limiter = rateLimit({ limit: 3, windowMs: 60_000, exempt: (path) => path.startsWith('/health') });
    expect(await inTurn(4, () => call(limiter, '10.0.0.1'))).toEqual([200, 200, 200, 429]);
    expect(await call(limiter, '10.0.0.2')).toBe(200);
    expect(await call(limiter, '10.0.0.1', '/health')).toBe(200);
  });

  it('lets requests through when its store cannot answer: the limit must not become the outage', async () => {
    const limiter = rateLimit({ limit: 1, windowMs: 60_000, store: { hit: () => Promise.reject(new Error('database down')) } });
    expect(await inTurn(3, () => call(limiter, '10.0.0.1'))).toEqual([200, 200, 200]);
  });
});

describe('rateLimitKey', () => {
  const token = (sub: string) => `Bearer x.${Buffer.from(JSON.stringify({ sub })).toString('base64url')}.y`;

  it('counts colleagues behind one office address apart, by their token subject', async () => {
    const limiter = rateLimit({ limit: 2, windowMs: 60_000 });
    expect(await inTurn(3, () => call(limiter, '10.0.0.9', '/cases', { authorization: token('hotline-operator.kz-79') }))).toEqual([200, 200, 429]);
    expect(await call(limiter, '10.0.0.9', '/cases', { authorization: token('lawyer.kz-79') })).toBe(200);
  });

  it('falls back to the address for requests without a readable token', () => {
    expect(rateLimitKey({ ip: '10.0.0.1', headers: {} })).toBe('10.0.0.1');
    expect(rateLimitKey({ ip: '10.0.0.1', headers: { authorization: 'Bearer not-a-token' } })).toBe('10.0.0.1');
    expect(rateLimitKey({ ip: '10.0.0.1', headers: { authorization: token('hq-analyst') } })).toBe('10.0.0.1 hq-analyst');
  });
});
