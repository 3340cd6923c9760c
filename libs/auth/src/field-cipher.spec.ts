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
});
