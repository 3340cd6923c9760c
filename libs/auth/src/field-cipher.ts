import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

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
  private readonly serviceKey: Buffer;

  constructor(serviceKey: Buffer) {
    if (serviceKey.length !== 32) throw new Error('the personal data service key must be 32 bytes');
    this.serviceKey = serviceKey;
  }

  /** A fresh data key for one person, and its wrapped form for storage. */
  newPersonKey(): { readonly key: Buffer; readonly wrapped: string } {
    const key = randomBytes(32);
    return { key, wrapped: seal(this.serviceKey, key, 'person-key') };
  }

  unwrap(wrapped: string): Buffer {
    return open(this.serviceKey, wrapped, 'person-key');
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
