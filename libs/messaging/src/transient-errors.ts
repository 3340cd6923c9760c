/** An error worth retrying without limit: the world is briefly unavailable, not the event wrong. */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransientError';
  }
}

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  // Prisma: cannot reach / timed out / connection closed / pool timeout / no transaction to be had in time
  'P1001',
  'P1002',
  'P1017',
  'P2024',
  'P2028',
  // PostgreSQL: admin shutdown, crash shutdown, cannot connect now, serialization / deadlock (retry is the fix)
  '57P01',
  '57P02',
  '57P03',
  '40001',
  '40P01',
]);

/**
 * Database or broker unavailability must never push events to a dead-letter topic: a consumer waits
 * it out instead. Anything else is the event's own problem and gets bounded retries.
 */
export function isTransientError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof TransientError) return true;
    const candidate = current as { code?: unknown; meta?: { code?: unknown }; name?: unknown; retriable?: unknown; cause?: unknown; message?: unknown };
    // A raw query's failure (Prisma's P2010) carries PostgreSQL's own code in meta.
    for (const code of [candidate.code, candidate.meta?.code]) if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08'))) return true;
    if (candidate.retriable === true) return true;
    if (typeof candidate.name === 'string' && candidate.name.startsWith('KafkaJS') && candidate.name !== 'KafkaJSNonRetriableError') return true;
    if (
      typeof candidate.message === 'string' &&
      /Connection terminated|connect ECONNREFUSED|Can't reach database server|timeout exceeded when trying to connect|Unable to start a transaction in the given time|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Server has closed the connection/.test(
        candidate.message,
      )
    )
      return true;
    current = candidate.cause;
  }
  return false;
}
