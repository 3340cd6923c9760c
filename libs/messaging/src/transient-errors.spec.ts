import { isTransientError, TransientError } from './transient-errors';

describe('isTransientError', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['Prisma unable to reach the database', Object.assign(new Error('x'), { code: 'P1001' })],
    ['a PostgreSQL connection failure', Object.assign(new Error('x'), { code: '08006' })],
    ['a serialization failure', Object.assign(new Error('x'), { code: '40001' })],
    ['a retriable Kafka error', Object.assign(new Error('x'), { name: 'KafkaJSConnectionError' })],
    ['a wrapped cause', new Error('outer', { cause: new TransientError('inner') })],
    ['a raw query failing while PostgreSQL starts up', Object.assign(new Error('Raw query failed'), { code: 'P2010', meta: { code: '57P03' } })],
    ['no transaction to be had in time', Object.assign(new Error('x'), { code: 'P2028' })],
    ['no connection to be had in time', new Error('timeout exceeded when trying to connect')],
  ])('waits out %s', (_, error) => expect(isTransientError(error)).toBe(true));

  it.each([
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['a constraint violation', Object.assign(new Error('x'), { code: '23505' })],
    ['a raw query failing on a constraint', Object.assign(new Error('Raw query failed'), { code: 'P2010', meta: { code: '23505' } })],
    ['a non-retriable Kafka error', Object.assign(new Error('x'), { name: 'KafkaJSNonRetriableError' })],
  ])('gives up on %s after bounded retries', (_, error) => expect(isTransientError(error)).toBe(false));
});
