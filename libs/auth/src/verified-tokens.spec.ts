import type { Principal } from './principal';
import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const operator: Principal = { subject: 'operator', role: 'HOTLINE_OPERATOR', region: 'KZ-79' };

  it('knows a verified token until its time is up, and only that very token', () => {
    const tokens = new VerifiedTokens();
    tokens.keep('header.claims.signature', operator, 10_000);
    expect(tokens.get('header.claims.signature', 9_999)).toBe(operator);
    expect(tokens.get('header.claims.forged', 9_999)).toBeUndefined();
    expect(tokens.get('header.claims.signature', 10_000)).toBeUndefined();
    // Forgotten once expired: asked again later, it is verified again.
    expect(tokens.get('header.claims.signature', 0)).toBeUndefined();
  });

  it('lets the oldest go when full', () => {
    const tokens = new VerifiedTokens(2);
    tokens.keep('a', operator, 10_000);
    tokens.keep('b', operator, 10_000);
    tokens.keep('c', operator, 10_000);
    expect([tokens.get('a', 0), tokens.get('b', 0), tokens.get('c', 0)]).toEqual([undefined, operator, operator]);
  });
});
