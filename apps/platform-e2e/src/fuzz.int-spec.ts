import { eventually } from '@qorgau/testing';
import { fuzz, storedState } from './fuzz-run';
import { testPlatform } from './platform';

/**
 * Bad input at volume, generated from the services' OpenAPI documents (fast-check): no request may
 * make a service fail (5xx), and a refused one leaves nothing stored and nothing published.
 * `npm run fuzz` sends 100,000; the suite sends 20,000.
 */
const TOTAL = Number(process.env['FUZZ_REQUESTS'] ?? 20_000);
const platform = testPlatform(18000);

beforeAll(() => platform.start(), 120_000);
afterAll(() => platform.stop());

describe('generated requests against every operation', () => {
  it(`${Math.round(TOTAL * 0.6)} refused creating requests (an unknown field beside wrong values, other regions, missing fields): every one a 4xx, nothing stored or published`, async () => {
    // Events other suites left may still be reaching this platform's consumers: wait for quiet.
    const before = await eventually(
      async () => {
        const first = await storedState(platform.kafka);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        expect(await storedState(platform.kafka)).toEqual(first);
        return first;
      },
      { timeoutMs: 60_000 },
    );
    const tally = await fuzz(platform, Math.round(TOTAL * 0.6), { invalidOnly: true, seed: 20261123 });
    console.log(`fuzz (refused): ${tally.sent} requests, ${JSON.stringify(tally.byStatus)}`);
    expect(tally.serverErrors).toEqual([]);
    expect(tally.invalidAccepted).toEqual([]);
    expect(tally.byStatus['2xx'] ?? 0).toBe(0);
    expect(await storedState(platform.kafka)).toEqual(before);
  }, 600_000);

  it(`${Math.round(TOTAL * 0.4)} mixed requests, many of them valid: no server error`, async () => {
    const tally = await fuzz(platform, Math.round(TOTAL * 0.4), { invalidOnly: false, seed: 11232026 });
    console.log(`fuzz (mixed): ${tally.sent} requests, ${JSON.stringify(tally.byStatus)}`);
    expect(tally.serverErrors).toEqual([]);
  }, 600_000);
});
