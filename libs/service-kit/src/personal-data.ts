import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { FieldCipher, UnreadableFieldError } from '@qorgau/auth';
import { DATABASE_WAIT_MS, type SqlClient } from '@qorgau/messaging';
import { SERVICE_CONFIG, type ServiceKitConfig } from './service-config';

/** Which record and field a ciphertext belongs to: it cannot be decrypted anywhere else. */
export const binding = (table: string, recordId: string, field: string): string => `${table}:${recordId}:${field}`;

/**
 * A service's personal fields, encrypted with a key per person. The person keys live in a database
 * of their own (PERSONAL_DATA_KEYS_DATABASE_URL, table person_key), apart from the data they protect
 * and from its backups, wrapped by the service key: a restored backup of the data cannot bring an
 * erased person back. A person's fields are read with their key; erasure destroys the key, so the
 * fields read as null from then on, everywhere.
 *
 * A key is written before the record it seals, in its own transaction: if the record's transaction
 * then fails, an unused key is left behind, which protects nothing and harms no one.
 */
@Injectable()
export class PersonalData implements OnApplicationShutdown {
  private readonly cipher: FieldCipher;
  private readonly keys: pg.Pool;
  private readonly logger = new Logger('PersonalData');

  constructor(@Inject(SERVICE_CONFIG) config: ServiceKitConfig) {
    if (!config.PERSONAL_DATA_KEY || !config.PERSONAL_DATA_KEYS_DATABASE_URL) throw new Error('PersonalData needs PERSONAL_DATA_KEY and PERSONAL_DATA_KEYS_DATABASE_URL in the service configuration');
    this.cipher = new FieldCipher(config.PERSONAL_DATA_KEY, config.PERSONAL_DATA_PREVIOUS_KEYS ?? []);
    this.keys = new pg.Pool({ connectionString: config.PERSONAL_DATA_KEYS_DATABASE_URL, max: 5, connectionTimeoutMillis: DATABASE_WAIT_MS });
    // An idle connection the server closes (a PostgreSQL restart) must not take the process down:
    // the pool drops it and the next query opens another.
    this.keys.on('error', (error) => this.logger.warn(`keys database connection lost (${error.message})`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.keys.end();
  }

  /** The keys database answers (readiness). */
  async ping(): Promise<void> {
    await this.keys.query('SELECT 1');
  }

  /** Person keys still wrapped by a former service key (configured in PERSONAL_DATA_PREVIOUS_KEYS): the rotation is done at 0. */
  async keysOnPreviousServiceKeys(): Promise<number> {
    const prefixes = this.cipher.previousServiceKeyIds.map((id) => `${id}:%`);
    if (prefixes.length === 0) return 0;
    const { rows } = await this.keys.query<{ n: number }>('SELECT count(*)::int AS n FROM person_key WHERE wrapped_key LIKE ANY($1::text[])', [prefixes]);
    return rows[0]?.n ?? 0;
  }

  /**
   * Re-wraps every person key not yet wrapped by the current service key, a batch per transaction,
   * while the service keeps serving; erased keys stay erased. A key no configured service key opens
   * (its service key already destroyed) is counted as unreadable and left as it is. Afterwards the
   * former keys can go.
   */
  async rotateServiceKey(): Promise<{ rewrapped: number; remaining: number; unreadable: number }> {
    let rewrapped = 0;
    let unreadable = 0;
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const batch = await this.inKeysTransaction(async (client) => {
        const { rows } = await client.query<{ id: string; wrapped_key: string }>(
          'SELECT id::text, wrapped_key FROM person_key WHERE id > $2::uuid AND wrapped_key IS NOT NULL AND wrapped_key NOT LIKE $1 ORDER BY id LIMIT 500 FOR UPDATE',
          [`${this.cipher.serviceKeyId}:%`, after],
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
          await client.query('UPDATE person_key SET wrapped_key = $2 WHERE id = $1::uuid', [row.id, fresh]);
          rewrapped++;
        }
        return rows;
      });
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.id;
    }
    return { rewrapped, remaining: await this.keysOnPreviousServiceKeys(), unreadable };
  }

  private async inKeysTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.keys.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** A key for a new person, stored (wrapped) in the keys database. */
  async newPerson(): Promise<{ id: string; key: Buffer }> {
    const { key, wrapped } = this.cipher.newPersonKey();
    const id = randomUUID();
    await this.keys.query('INSERT INTO person_key (id, wrapped_key) VALUES ($1::uuid, $2)', [id, wrapped]);
    return { id, key };
  }

  /** A key erased from the start: the marker of a person who asked to be forgotten before anything was stored about them. */
  async erasedMarker(): Promise<string> {
    const id = randomUUID();
    await this.keys.query('INSERT INTO person_key (id, wrapped_key, erased_at) VALUES ($1::uuid, NULL, now())', [id]);
    return id;
  }

  /** The person's key, or null once they were erased. */
  async keyOf(personKeyId: string | null): Promise<Buffer | null> {
    if (!personKeyId) return null;
    const { rows } = await this.keys.query<{ wrapped_key: string | null }>('SELECT wrapped_key FROM person_key WHERE id = $1::uuid', [personKeyId]);
    const wrapped = rows[0]?.wrapped_key;
    return wrapped ? this.cipher.unwrap(wrapped) : null;
  }

  seal(key: Buffer, where: string, value: string | null | undefined): string | null {
    return value === null || value === undefined ? null : this.cipher.encrypt(key, value, where);
  }

  /** Seals several fields of one record for a new person; no key is made when all are empty. */
  async sealNew<F extends string>(table: string, recordId: string, fields: Record<F, string | null | undefined>): Promise<{ personKeyId: string | null } & Record<F, string | null>> {
    const values = Object.entries(fields) as [F, string | null | undefined][];
    const person = values.some(([, v]) => v) ? await this.newPerson() : null;
    const sealed = Object.fromEntries(values.map(([field, v]) => [field, person ? this.seal(person.key, binding(table, recordId, field), v) : null])) as Record<F, string | null>;
    return { personKeyId: person?.id ?? null, ...sealed };
  }

  open(key: Buffer | null, where: string, value: string | null): string | null {
    return key && value !== null ? this.cipher.decrypt(key, value, where) : null;
  }

  /** Opens several fields of one record; `personalDataErased` tells an erased person from an empty record. */
  async openAll<F extends string>(table: string, recordId: string, personKeyId: string | null, fields: Record<F, string | null>): Promise<Record<F, string | null> & { personalDataErased: boolean }> {
    const key = await this.keyOf(personKeyId);
    const opened = Object.fromEntries(Object.entries(fields).map(([field, v]) => [field, this.open(key, binding(table, recordId, field), v as string | null)])) as Record<F, string | null>;
    return { ...opened, personalDataErased: personKeyId !== null && key === null };
  }

  /**
   * The key of the person a record of `table` is about (its person_key_id), made when the first
   * personal detail arrives and linked to the record in the caller's transaction. Once erased it
   * stays erased: the new detail is refused (409), never stored under a fresh key as if nobody had
   * asked to be forgotten.
   */
  async keyForRecord(tx: SqlClient, table: string, recordId: string, personKeyId: string | null): Promise<Buffer> {
    if (personKeyId) {
      const key = await this.keyOf(personKeyId);
      if (!key) throw new ConflictException({ statusCode: 409, message: 'this person’s personal data was erased; no new personal detail can be recorded' });
      return key;
    }
    const person = await this.newPerson();
    await tx.$executeRawUnsafe(`UPDATE ${table} SET person_key_id = $2::uuid WHERE id = $1::uuid`, recordId, person.id);
    return person.key;
  }

  /**
   * A client's name, contact and notes (clientIdentityFields) sealed for a new record of `table`
   * (columns client_name, client_contact, notes and person_key_id): a legal or psychological consultation.
   */
  async sealClient(table: string, recordId: string, client: ClientIdentity): Promise<ClientIdentity & { personKeyId: string | null }> {
    const sealed = await this.sealNew(table, recordId, { client_name: client.clientName, client_contact: client.clientContact, notes: client.notes });
    return { personKeyId: sealed.personKeyId, clientName: sealed.client_name, clientContact: sealed.client_contact, notes: sealed.notes };
  }

  /** The client's name, contact and notes of a record sealed by sealClient, and whether they were erased. */
  async openClient(table: string, recordId: string, row: ClientIdentity & { personKeyId: string | null }): Promise<Required<ClientIdentity> & { personalDataErased: boolean }> {
    const opened = await this.openAll(table, recordId, row.personKeyId, { client_name: row.clientName ?? null, client_contact: row.clientContact ?? null, notes: row.notes ?? null });
    return { clientName: opened.client_name, clientContact: opened.client_contact, notes: opened.notes, personalDataErased: opened.personalDataErased };
  }

  /** Crypto-shredding: the wrapped key is destroyed; rows, events and statistics stay as they are. Erasing twice changes nothing. */
  async erase(personKeyId: string): Promise<void> {
    await this.keys.query('UPDATE person_key SET wrapped_key = NULL, erased_at = coalesce(erased_at, now()) WHERE id = $1::uuid', [personKeyId]);
  }
}

/** Who a client is and what they said: sealed in the owning service, never published. */
export interface ClientIdentity {
  readonly clientName?: string | null;
  readonly clientContact?: string | null;
  readonly notes?: string | null;
}
