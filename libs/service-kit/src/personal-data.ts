import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { FieldCipher, UnreadableFieldError } from '@qorgau/auth';
import type { SqlClient, TransactionalSqlClient } from '@qorgau/messaging';
import { SERVICE_CONFIG, type ServiceKitConfig } from './service-config';

/** Which record and field a ciphertext belongs to: it cannot be decrypted anywhere else. */
export const binding = (table: string, recordId: string, field: string): string => `${table}:${recordId}:${field}`;

/**
 * A service's personal fields, encrypted with a key per person (table person_key, the same shape in
 * every service that keeps personal data). A person's fields are read with their key; erasure
 * destroys the key, so the fields read as null from then on, everywhere.
 */
@Injectable()
export class PersonalData {
  private readonly cipher: FieldCipher;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceKitConfig) {
    if (!config.PERSONAL_DATA_KEY) throw new Error('PersonalData needs PERSONAL_DATA_KEY in the service configuration');
    this.cipher = new FieldCipher(config.PERSONAL_DATA_KEY, config.PERSONAL_DATA_PREVIOUS_KEYS ?? []);
  }

  /** Person keys still wrapped by a former service key (configured in PERSONAL_DATA_PREVIOUS_KEYS): the rotation is done at 0. */
  async keysOnPreviousServiceKeys(db: SqlClient): Promise<number> {
    const prefixes = this.cipher.previousServiceKeyIds.map((id) => `${id}:%`);
    if (prefixes.length === 0) return 0;
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM person_key WHERE wrapped_key LIKE ANY($1::text[])`, prefixes);
    return row?.n ?? 0;
  }

  /**
   * Re-wraps every person key not yet wrapped by the current service key, a batch per transaction,
   * while the service keeps serving; erased keys stay erased. A key no configured service key opens
   * (its service key already destroyed) is counted as unreadable and left as it is. Afterwards the
   * former keys can go.
   */
  async rotateServiceKey(db: TransactionalSqlClient): Promise<{ rewrapped: number; remaining: number; unreadable: number }> {
    let rewrapped = 0;
    let unreadable = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const batch = await db.$transaction(async (tx) => {
        const rows = await tx.$queryRawUnsafe<{ id: string; wrapped_key: string }[]>(
          `SELECT id::text, wrapped_key FROM person_key WHERE id > $2::uuid AND wrapped_key IS NOT NULL AND wrapped_key NOT LIKE $1 ORDER BY id LIMIT 500 FOR UPDATE`,
          `${this.cipher.serviceKeyId}:%`,
          after,
        );
        for (const row of rows) {
          let fresh: string;
          try {
            fresh = this.cipher.rewrap(row.wrapped_key);
          } catch (error) {
            if (!(error instanceof UnreadableFieldError)) throw error;
            unreadable++;
            continue;
          }
          await tx.$executeRawUnsafe(`UPDATE person_key SET wrapped_key = $2 WHERE id = $1::uuid`, row.id, fresh);
          rewrapped++;
        }
        return rows;
      });
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.id;
    }
    return { rewrapped, remaining: await this.keysOnPreviousServiceKeys(db), unreadable };
  }

  /** A key for a new person, stored (wrapped) in the caller's transaction. */
  async newPerson(tx: SqlClient): Promise<{ id: string; key: Buffer }> {
    const { key, wrapped } = this.cipher.newPersonKey();
    const id = randomUUID();
    await tx.$executeRawUnsafe(`INSERT INTO person_key (id, wrapped_key) VALUES ($1::uuid, $2)`, id, wrapped);
    return { id, key };
  }

  /** The person's key, or null once they were erased. */
  async keyOf(db: SqlClient, personKeyId: string | null): Promise<Buffer | null> {
    if (!personKeyId) return null;
    const rows = await db.$queryRawUnsafe<{ wrapped_key: string | null }[]>(`SELECT wrapped_key FROM person_key WHERE id = $1::uuid`, personKeyId);
    const wrapped = rows[0]?.wrapped_key;
    return wrapped ? this.cipher.unwrap(wrapped) : null;
  }

  seal(key: Buffer, where: string, value: string | null | undefined): string | null {
    return value === null || value === undefined ? null : this.cipher.encrypt(key, value, where);
  }

  /** Seals several fields of one record for a new person; no key is made when all are empty. */
  async sealNew<F extends string>(tx: SqlClient, table: string, recordId: string, fields: Record<F, string | null | undefined>): Promise<{ personKeyId: string | null } & Record<F, string | null>> {
    const values = Object.entries(fields) as [F, string | null | undefined][];
    const person = values.some(([, v]) => v) ? await this.newPerson(tx) : null;
    const sealed = Object.fromEntries(values.map(([field, v]) => [field, person ? this.seal(person.key, binding(table, recordId, field), v) : null])) as Record<F, string | null>;
    return { personKeyId: person?.id ?? null, ...sealed };
  }

  open(key: Buffer | null, where: string, value: string | null): string | null {
    return key && value !== null ? this.cipher.decrypt(key, value, where) : null;
  }

  /** Opens several fields of one record; `personalDataErased` tells an erased person from an empty record. */
  async openAll<F extends string>(
    db: SqlClient,
    table: string,
    recordId: string,
    personKeyId: string | null,
    fields: Record<F, string | null>,
  ): Promise<Record<F, string | null> & { personalDataErased: boolean }> {
    const key = await this.keyOf(db, personKeyId);
    const opened = Object.fromEntries(Object.entries(fields).map(([field, v]) => [field, this.open(key, binding(table, recordId, field), v as string | null)])) as Record<F, string | null>;
    return { ...opened, personalDataErased: personKeyId !== null && key === null };
  }

  /**
   * The key of the person a record of `table` is about (its person_key_id), made when the first
   * personal detail arrives. Once erased it stays erased: the new detail is refused (409), never
   * stored under a fresh key as if nobody had asked to be forgotten.
   */
  async keyForRecord(tx: SqlClient, table: string, recordId: string, personKeyId: string | null): Promise<Buffer> {
    if (personKeyId) {
      const key = await this.keyOf(tx, personKeyId);
      if (!key) throw new ConflictException({ statusCode: 409, message: 'this person’s personal data was erased; no new personal detail can be recorded' });
      return key;
    }
    const person = await this.newPerson(tx);
    await tx.$executeRawUnsafe(`UPDATE ${table} SET person_key_id = $2::uuid WHERE id = $1::uuid`, recordId, person.id);
    return person.key;
  }

  /**
   * A client's name, contact and notes (clientIdentityFields) sealed for a new record of `table`
   * (columns client_name, client_contact, notes and person_key_id): a legal or psychological consultation.
   */
  async sealClient(tx: SqlClient, table: string, recordId: string, client: ClientIdentity): Promise<ClientIdentity & { personKeyId: string | null }> {
    const sealed = await this.sealNew(tx, table, recordId, { client_name: client.clientName, client_contact: client.clientContact, notes: client.notes });
    return { personKeyId: sealed.personKeyId, clientName: sealed.client_name, clientContact: sealed.client_contact, notes: sealed.notes };
  }

  /** The client's name, contact and notes of a record sealed by sealClient, and whether they were erased. */
  async openClient(db: SqlClient, table: string, recordId: string, row: ClientIdentity & { personKeyId: string | null }): Promise<Required<ClientIdentity> & { personalDataErased: boolean }> {
    const opened = await this.openAll(db, table, recordId, row.personKeyId, { client_name: row.clientName ?? null, client_contact: row.clientContact ?? null, notes: row.notes ?? null });
    return { clientName: opened.client_name, clientContact: opened.client_contact, notes: opened.notes, personalDataErased: opened.personalDataErased };
  }

  /** Crypto-shredding: the wrapped key is destroyed; rows, events and statistics stay as they are. */
  async erase(db: SqlClient, personKeyId: string): Promise<void> {
    await db.$executeRawUnsafe(`UPDATE person_key SET wrapped_key = NULL, erased_at = now() WHERE id = $1::uuid`, personKeyId);
  }
}

/** Who a client is and what they said: sealed in the owning service, never published. */
export interface ClientIdentity {
  readonly clientName?: string | null;
  readonly clientContact?: string | null;
  readonly notes?: string | null;
}
