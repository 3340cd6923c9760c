import { holdsPersonalData, requestFingerprint } from './idempotency';

describe('Idempotency-Key helpers', () => {
  it('tells an answer with personal fields from one with categories only', () => {
    expect(holdsPersonalData({ id: 'c1', callerCategory: 'VICTIM', topics: ['OTHER'] })).toBe(false);
    expect(holdsPersonalData({ id: 'c1', callerName: null, notes: null })).toBe(false);
    expect(holdsPersonalData({ id: 'c1', callerName: 'Aigerim' })).toBe(true);
    expect(holdsPersonalData({ referrals: [{ destination: 'LEGAL', note: 'met at the station' }] })).toBe(true);
  });

  it('fingerprints the method, the path and the body', () => {
    const a = requestFingerprint('POST', '/hotline-calls', { a: 1 });
    expect(requestFingerprint('POST', '/hotline-calls', { a: 1 })).toBe(a);
    expect(requestFingerprint('POST', '/hotline-calls', { a: 2 })).not.toBe(a);
    expect(requestFingerprint('POST', '/cases', { a: 1 })).not.toBe(a);
  });
});
