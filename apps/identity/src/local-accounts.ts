import { createHash, timingSafeEqual } from 'node:crypto';
import { localUsers, type LocalUser } from './local-users';
import type { IdentityConfig } from './identity.config';

/** Failed logins per username before a pause: slows down password guessing. */
const MAX_FAILURES = 5;
const LOCKOUT_MS = 60_000;

export type SignInOutcome = { readonly user: LocalUser } | { readonly refused: 'failed' | 'locked' };

/**
 * The seeded local users and their one password, with a pause after repeated failures. Both ways
 * in — the sign-in page of the OpenID flow and the scripts' password login — check through here.
 */
export class LocalAccounts {
  private readonly users: Map<string, LocalUser>;
  private readonly failures = new Map<string, { count: number; until: number }>();
  private readonly passwordDigest: Buffer;

  constructor(config: Pick<IdentityConfig, 'QORGAU_REGIONS' | 'LOCAL_USERS_PASSWORD'>) {
    this.users = new Map(localUsers(config.QORGAU_REGIONS).map((user) => [user.username, user]));
    this.passwordDigest = digest(config.LOCAL_USERS_PASSWORD);
  }

  find(username: string): LocalUser | undefined {
    return this.users.get(username);
  }

  signIn(username: string, password: string, now = Date.now()): SignInOutcome {
    const failed = this.failures.get(username);
    if (failed && failed.count >= MAX_FAILURES && failed.until > now) return { refused: 'locked' };
    const user = this.users.get(username);
    if (!user || !timingSafeEqual(digest(password), this.passwordDigest)) {
      this.failures.set(username, { count: (failed && failed.until > now ? failed.count : 0) + 1, until: now + LOCKOUT_MS });
      return { refused: 'failed' };
    }
    this.failures.delete(username);
    return { user };
  }
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
