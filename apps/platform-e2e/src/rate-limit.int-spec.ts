import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { databaseStore, rateLimit } from '@qorgau/platform';
import { requiredEnv } from '@qorgau/testing';

/**
 * With RATE_LIMIT_STORE=database every replica of a service counts in the service's own database
 * (table rate_limit_window, applied by the migration tool from libs/platform/sql): a client cannot
 * multiply its limit by the number of replicas behind the load balancer.
 */
describe('the rate limit shared by replicas', () => {
  const status = (limiter: ReturnType<typeof rateLimit>, ip: string): Promise<number> =>
    new Promise((resolve) => {
      let code = 200;
      const response = { setHeader: () => undefined, status: (c: number) => ((code = c), response), json: () => (resolve(code), response) } as unknown as Response;
      limiter({ ip, path: '/cases', headers: {} } as unknown as Request, response, () => resolve(200));
    });

  it('refuses the fourth request of a minute whichever of two replicas it reaches', async () => {
    const url = requiredEnv('OUTREACH_APP_DATABASE_URL');
    const replicas = [rateLimit({ limit: 3, windowMs: 60_000, store: databaseStore(url) }), rateLimit({ limit: 3, windowMs: 60_000, store: databaseStore(url) })];
    const client = `10.9.${randomUUID().slice(0, 4)}`;
    const statuses: number[] = [];
    for (const replica of [0, 1, 0, 1]) statuses.push(await status(replicas[replica]!, client));
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(await status(replicas[1]!, `${client}-other`)).toBe(200);
  });
});
