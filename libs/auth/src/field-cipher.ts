import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const b64 = (buffer: Buffer): string => buffer.toString('base64url');
const unb64 = (text: string): Buffer => Buffer.from(text, 'base64url');

/** Raised when a personal field cannot be read: its person's key was erased, or the data was tampered with. */
export class UnreadableFieldError extends Error {
  constructor() {
    super('personal field cannot be decrypted');
    this.name = 'UnreadableFieldError';
  }
}

/**
 * Field-level encryption with a key per person (AES-256-GCM). Each person's data key is stored
 * wrapped by the service key from configuration; erasing a person destroys their wrapped key, which
 * makes every copy of their fields — in backups too — unreadable, while rows and statistics stay.
 * The associated data binds a ciphertext to its record and field, so it cannot be moved to another.
 */
export class FieldCipher {
  private readonly current: { readonly id: string; readonly key: Buffer };
  private readonly byId: ReadonlyMap<string, Buffer>;

  /**
   * `serviceKey` wraps new person keys; `previous` service keys only unwrap, while a rotation
   * re-wraps what they wrapped (see needsRewrap). A wrapped key names its service key by id, so
   * several can be in use at once without a guess.
   */
  constructor(serviceKey: Buffer, previous: readonly Buffer[] = []) {
    for (const key of [serviceKey, ...previous]) if (key.length !== 32) throw new Error('a personal data service key must be 32 bytes');
    this.current = { id: serviceKeyId(serviceKey), key: serviceKey };
    this.byId = new Map([...previous, serviceKey].map((key) => [serviceKeyId(key), key]));
  }

  /** The id of the service key that wraps new person keys (not secret: a digest's prefix). */
  get serviceKeyId(): string {
    return this.current.id;
  }

  /** The ids of the former service keys still configured (they only unwrap). */
  get previousServiceKeyIds(): string[] {
    return [...this.byId.keys()].filter((id) => id !== this.current.id);
  }

  /** A fresh data key for one person, and its wrapped form for storage. */
  newPersonKey(): { readonly key: Buffer; readonly wrapped: string } {
    const key = randomBytes(32);
    return { key, wrapped: this.wrap(key) };
  }

  unwrap(wrapped: string): Buffer {
    const [id, sealed] = splitWrapped(wrapped);
    if (id) {
      const key = this.byId.get(id);
      if (!key) throw new UnreadableFieldError();
      return open(key, sealed, 'person-key');
    }
    // Wrapped before keys carried an id: whichever configured key opens it.
    for (const key of this.byId.values()) {
      try {
        return open(key, sealed, 'person-key');
      } catch {
        // try the next
      }
    }
    throw new UnreadableFieldError();
  }

  /** Whether a wrapped key is not (yet) wrapped by the current service key. */
  needsRewrap(wrapped: string): boolean {
    return splitWrapped(wrapped)[0] !== this.current.id;
  }

  /** The same person key, wrapped by the current service key. */
  rewrap(wrapped: string): string {
    return this.wrap(this.unwrap(wrapped));
  }

  private wrap(personKey: Buffer): string {
    return `${this.current.id}:${seal(this.current.key, personKey, 'person-key')}`;
  }

  encrypt(personKey: Buffer, plaintext: string, binding: string): string {
    return seal(personKey, Buffer.from(plaintext, 'utf8'), binding);
  }

  decrypt(personKey: Buffer, ciphertext: string, binding: string): string {
    return open(personKey, ciphertext, binding).toString('utf8');
  }
}

function seal(key: Buffer, plaintext: Buffer, binding: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(binding, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [VERSION, b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join('.');
}

function open(key: Buffer, sealed: string, binding: string): Buffer {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new UnreadableFieldError();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, unb64(iv));
    decipher.setAAD(Buffer.from(binding, 'utf8'));
    decipher.setAuthTag(unb64(tag));
    return Buffer.concat([decipher.update(unb64(ciphertext)), decipher.final()]);
  } catch {
    throw new UnreadableFieldError();
  }
}

/** A service key's id: the first 16 hex digits of its SHA-256, safe to store and log. */
export const serviceKeyId = (serviceKey: Buffer): string => createHash('sha256').update(serviceKey).digest('hex').slice(0, 16);

function splitWrapped(wrapped: string): [string | null, string] {
  const colon = wrapped.indexOf(':');
  return colon === -1 ? [null, wrapped] : [wrapped.slice(0, colon), wrapped.slice(colon + 1)];
}
