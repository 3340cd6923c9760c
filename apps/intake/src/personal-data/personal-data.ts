import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { FieldCipher } from '@qorgau/auth';
import type { IntakeTx } from '../database/intake-prisma.service';
import { INTAKE_CONFIG, type IntakeConfig } from '../intake.config';

type Db = Pick<IntakeTx, 'personKey'>;

/** Which record and field a ciphertext belongs to: it cannot be decrypted anywhere else. */
export const binding = (table: string, recordId: string, field: string): string => `${table}:${recordId}:${field}`;

/**
 * Intake's personal fields, encrypted with a key per person. A person's fields are read with
 * their key; erasure destroys the key, so the fields read as null from then on, everywhere.
 */
@Injectable()
export class PersonalData {
  private readonly cipher: FieldCipher;

  constructor(@Inject(INTAKE_CONFIG) config: IntakeConfig) {
    this.cipher = new FieldCipher(config.PERSONAL_DATA_KEY);
  }

  /** A key for a new person, stored (wrapped) in the caller's transaction. */
  async newPerson(tx: Db): Promise<{ id: string; key: Buffer }> {
    const { key, wrapped } = this.cipher.newPersonKey();
    const id = randomUUID();
    await tx.personKey.create({ data: { id, wrappedKey: wrapped } });
    return { id, key };
  }

  /** The person's key, or null once they were erased. */
  async keyOf(db: Db, personKeyId: string | null): Promise<Buffer | null> {
    if (!personKeyId) return null;
    const row = await db.personKey.findUnique({ where: { id: personKeyId } });
    return row?.wrappedKey ? this.cipher.unwrap(row.wrappedKey) : null;
  }

  seal(key: Buffer, where: string, value: string | null | undefined): string | null {
    return value === null || value === undefined ? null : this.cipher.encrypt(key, value, where);
  }

  open(key: Buffer | null, where: string, value: string | null): string | null {
    return key && value !== null ? this.cipher.decrypt(key, value, where) : null;
  }

  /** Crypto-shredding: the wrapped key is destroyed; rows, events and statistics stay as they are. */
  async erase(db: Db, personKeyId: string): Promise<void> {
    await db.personKey.update({ where: { id: personKeyId }, data: { wrappedKey: null, erasedAt: new Date() } });
  }
}
