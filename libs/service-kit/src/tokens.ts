/** The service's own database as the kit's pieces see it (an alias of the service's Prisma client). */
export const SERVICE_DB = Symbol('SERVICE_DB');
/** The service's Kafka client. */
export const KAFKA = Symbol('KAFKA');
/** The service's TransactionalOutbox: a command's rows and events in one transaction. */
export const OUTBOX = Symbol('OUTBOX');
/** The service's name: its Kafka client id and consumer group. */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
/** The topics the service publishes to. */
export const PRODUCED_TOPICS = Symbol('PRODUCED_TOPICS');
