import { randomBytes } from 'node:crypto';
import { FieldCipher, UnreadableFieldError } from './field-cipher';

describe('FieldCipher', () => {
  const cipher = new FieldCipher(randomBytes(32));

  it('round-trips a field under a person key wrapped by the service key', () => {
    const { key, wrapped } = cipher.newPersonKey();
    const sealed = cipher.encrypt(key, 'Dilnoza Karimova', 'victim_case:1:subject_name');
    expect(sealed).not.toContain('Dilnoza');
    expect(cipher.decrypt(cipher.unwrap(wrapped), sealed, 'victim_case:1:subject_name')).toBe('Dilnoza Karimova');
  });

  it('refuses a ciphertext moved to another record or field', () => {
    const { key } = cipher.newPersonKey();
    const sealed = cipher.encrypt(key, '+998 90 123 45 67', 'victim_case:1:subject_phone');
    expect(() => cipher.decrypt(key, sealed, 'victim_case:2:subject_phone')).toThrow(UnreadableFieldError);
  });

  it('cannot read a field with another person’s key, or under another service key', () => {
    const sealed = cipher.encrypt(cipher.newPersonKey().key, 'x', 'b');
    expect(() => cipher.decrypt(cipher.newPersonKey().key, sealed, 'b')).toThrow(UnreadableFieldError);
    expect(() => new FieldCipher(randomBytes(32)).unwrap(cipher.newPersonKey().wrapped)).toThrow(UnreadableFieldError);
  });

  it('rotates the service key without downtime: the old one still unwraps until every key is re-wrapped, then goes', () => {
    const old = randomBytes(32);
    const before = new FieldCipher(old);
    const { key, wrapped } = before.newPersonKey();
    const sealed = before.encrypt(key, 'Aigerim', 'hotline_call:1:caller_name');
    const during = new FieldCipher(randomBytes(32), [old]);
    expect(during.needsRewrap(wrapped)).toBe(true);
    const rewrapped = during.rewrap(wrapped);
    expect(during.needsRewrap(rewrapped)).toBe(false);
    expect(rewrapped.startsWith(`${during.serviceKeyId}:`)).toBe(true);
    const after = new FieldCipher((during as unknown as { current: { key: Buffer } }).current.key);
    expect(after.decrypt(after.unwrap(rewrapped), sealed, 'hotline_call:1:caller_name')).toBe('Aigerim');
    // Once the old key is destroyed, what it alone wrapped is gone for good.
    expect(() => after.unwrap(wrapped)).toThrow(UnreadableFieldError);
  });

  it('reads a key wrapped before keys carried an id', () => {
    const serviceKey = randomBytes(32);
    const { key, wrapped } = new FieldCipher(serviceKey).newPersonKey();
    const legacy = wrapped.slice(wrapped.indexOf(':') + 1);
    expect(new FieldCipher(serviceKey).unwrap(legacy)).toEqual(key);
  });
});
