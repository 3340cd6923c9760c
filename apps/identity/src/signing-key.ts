import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey | Uint8Array;
  readonly publicJwk: JWK;
  /** The private key as a JWK, for the OpenID provider's key store. */
  readonly privateJwk: JWK;
}

/** Loads the issuer's RS256 key, creating it (readable by the owner only) on first start. */
export async function loadOrCreateSigningKey(file: string): Promise<SigningKey> {
  let privateJwk: JWK;
  if (existsSync(file)) {
    privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    privateJwk = await exportJWK(privateKey);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const { n, e, kty } = privateJwk;
  const kid = createHash('sha256').update(JSON.stringify({ e, kty, n })).digest('base64url').slice(0, 16);
  return { kid, privateKey: await importJWK(privateJwk, 'RS256'), publicJwk: { kty, n, e, kid, alg: 'RS256', use: 'sig' }, privateJwk };
}
