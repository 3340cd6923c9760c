import { ConfigError } from '@qorgau/platform';
import { loadIdentityConfig } from './identity.config';

const base = { SIGNING_KEY_FILE: '/tmp/key.json', LOCAL_USERS_PASSWORD: 'a-long-secret' };

describe('the local issuer in production', () => {
  it('starts in development with the documented password', () => {
    expect(loadIdentityConfig({ ...base, LOCAL_USERS_PASSWORD: 'qorgau-local' }).QORGAU_DEMO).toBe(false);
  });

  it('refuses to start where NODE_ENV=production unless told it is a demonstration', () => {
    expect(() => loadIdentityConfig({ ...base, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadIdentityConfig({ ...base, NODE_ENV: 'production' })).toThrow(/QORGAU_DEMO=true/);
    expect(loadIdentityConfig({ ...base, NODE_ENV: 'production', QORGAU_DEMO: 'true' }).QORGAU_DEMO).toBe(true);
  });

  it('refuses the documented password in production, demonstration or not', () => {
    expect(() => loadIdentityConfig({ ...base, NODE_ENV: 'production', QORGAU_DEMO: 'true', LOCAL_USERS_PASSWORD: 'qorgau-local' })).toThrow(/documented development password/);
  });
});
