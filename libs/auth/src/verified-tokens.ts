import type { Principal } from './principal';

/**
 * Tokens already verified, until they expire: a signature check is a tenth of a write's CPU, and an
 * operator's token comes with every request of their shift. Keyed by the whole token, signature
 * included, so only the very token that was verified is found; the oldest goes first when full.
 */
export class VerifiedTokens {
  private readonly kept = new Map<string, { readonly principal: Principal; readonly until: number }>();

  constructor(private readonly capacity = 2_000) {}

  /** The principal of a token verified before and not yet expired. */
  get(token: string, now = Date.now()): Principal | undefined {
    const known = this.kept.get(token);
    if (known && now < known.until) return known.principal;
    this.kept.delete(token);
    return undefined;
  }

  /** Keeps a verified token until `until` (ms since the epoch): its expiry or its maximum age, whichever is first. */
  keep(token: string, principal: Principal, until: number): void {
    if (this.kept.size >= this.capacity) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(token, { principal, until });
  }
}
