import { REGIONAL_ROLES } from '@qorgau/auth';
import { localUsers } from './local-users';

describe('seeded local users', () => {
  it('gives every regional role a user in every project region, and HQ roles one user each', () => {
    const users = localUsers(['KZ-79', 'KZ-71']);
    expect(users).toContainEqual({ username: 'hotline-operator.kz-79', role: 'HOTLINE_OPERATOR', region: 'KZ-79' });
    expect(users).toContainEqual({ username: 'psychologist.kz-71', role: 'PSYCHOLOGIST', region: 'KZ-71' });
    expect(users).toContainEqual({ username: 'hq-analyst', role: 'HQ_ANALYST', region: null });
    expect(users).toContainEqual({ username: 'administrator', role: 'ADMINISTRATOR', region: null });
    expect(users).toContainEqual({ username: 'social-worker.kz-71', role: 'SOCIAL_WORKER', region: 'KZ-71' });
    expect(users).toHaveLength(REGIONAL_ROLES.length * 2 + 2);
  });
});
