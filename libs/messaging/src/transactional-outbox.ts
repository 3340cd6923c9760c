import { encodeEvent, type NewEvent } from '@qorgau/contracts';
import { appendToOutbox } from './outbox';
import type { OutboxRelay } from './outbox-relay';
import type { SqlClient, TransactionalSqlClient } from './sql-client';

export interface UnitOfWorkOutcome<R, Tx = SqlClient> {
  readonly result: R;
  readonly events: readonly NewEvent[];
  /**
   * The transaction's last statement, after the events: one that takes a lock held until the commit
   * (the audit trail's hash chain, which every audited write of the service takes in turn) holds it
   * for that statement and the commit alone.
   */
  readonly last?: (tx: Tx) => Promise<void>;
}

/**
 * How long a command waits for a database connection, or to start its transaction. Past it, the database is
 * overloaded or away: the request is shed (503 with Retry-After) in a fraction of a second instead
 * of queueing for seconds and failing anyway, which keeps the latency of the requests that are taken.
 */
export const DATABASE_WAIT_MS = 500;

/**
 * A command's unit of work: its rows and its events commit in one transaction; the relay is woken
 * right after the commit so events reach Kafka in milliseconds, or wait in the outbox if it is down.
 */
export class TransactionalOutbox<Tx extends SqlClient> {
  constructor(
    private readonly db: TransactionalSqlClient<Tx>,
    private readonly relay: Pick<OutboxRelay, 'wake'>,
  ) {}

  async run<R>(work: (tx: Tx) => Promise<UnitOfWorkOutcome<R, Tx>>): Promise<R> {
    const result = await this.db.$transaction(
      async (tx) => {
        const outcome = await work(tx);
        await appendToOutbox(tx, outcome.events.map(encodeEvent));
        await outcome.last?.(tx);
        return outcome.result;
      },
      { maxWait: DATABASE_WAIT_MS },
    );
    this.relay.wake();
    return result;
  }
}
