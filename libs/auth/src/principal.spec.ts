import { principalFromClaims } from './principal';

describe('principalFromClaims', () => {
  it('reads a regional role with its region', () => {
    expect(principalFromClaims({ sub: 'lawyer.kz-79', role: 'LAWYER', region: 'KZ-79' })).toEqual({ subject: 'lawyer.kz-79', role: 'LAWYER', region: 'KZ-79' });
  });

  it.each([
    ['a regional role without a region', { sub: 's', role: 'LAWYER' }],
    ['a national role with a region', { sub: 's', role: 'HQ_ANALYST', region: 'KZ-79' }],
    ['an unknown role', { sub: 's', role: 'SUPERUSER' }],
    ['an unknown region', { sub: 's', role: 'LAWYER', region: 'KZ-99' }],
    ['no subject', { role: 'HQ_ANALYST' }],
  ])('refuses %s', (_, claims) => expect(principalFromClaims(claims)).toBeNull());
});
