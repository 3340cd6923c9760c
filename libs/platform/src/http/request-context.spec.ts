import { isUuid, requestContextOf } from './request-context';

describe('requestContextOf', () => {
  it("keeps a client's correlation id apart from the server's own", () => {
    const client = '0b6f1c1e-8d43-4a8e-9a53-2d0e1f0c7a11';
    const context = requestContextOf({ headers: { 'x-correlation-id': client }, ip: '10.0.0.1' });
    expect(context.clientCorrelationId).toBe(client);
    expect(context.correlationId).not.toBe(client);
    expect(isUuid(context.correlationId)).toBe(true);
  });

  it('ignores a client correlation id that is not a UUID', () => {
    expect(requestContextOf({ headers: { 'x-correlation-id': 'drop table' }, ip: undefined }).clientCorrelationId).toBeNull();
  });
});
