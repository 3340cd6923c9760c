import { z } from 'zod';
import { readRow, refusedRow, rowId } from './imports';

describe('importing rows of a spreadsheet', () => {
  it('gives a row the same id however its keys are ordered, and another id to another row or kind', () => {
    const row = { data: { channel: 'VOICE_CALL', topics: ['A', 'B'], region: 'KZ-79' } };
    const id = rowId('hotline-call', row);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rowId('hotline-call', { data: { region: 'KZ-79', topics: ['A', 'B'], channel: 'VOICE_CALL' } })).toBe(id);
    expect(rowId('hotline-call', { data: { ...row.data, topics: ['B', 'A'] } })).not.toBe(id);
    expect(rowId('legal-consultation', row)).not.toBe(id);
    // A source id is the identity when the file has one: the same record corrected keeps its id.
    expect(rowId('hotline-call', { sourceId: 'CALL-1', data: row.data })).toBe(rowId('hotline-call', { sourceId: 'CALL-1', data: { ...row.data, channel: 'WHATSAPP' } }));
  });

  it("names a bad row's fields by the one-record schema, and a decider's refusal by its field", () => {
    const schema = z.object({ channel: z.enum(['VOICE_CALL']), count: z.number() }).strict();
    expect(readRow(schema, { row: 7, data: { channel: 'PIGEON', count: 1, extra: true } })).toEqual({
      problems: [
        { row: 7, field: 'channel', message: expect.stringContaining('VOICE_CALL'), code: 'invalid_value' },
        { row: 7, field: 'extra', message: 'is not a known field', code: 'unknown_field' },
      ],
    });
    expect(readRow(schema, { row: 8, data: { channel: 'VOICE_CALL', count: 2 } })).toEqual({ value: { channel: 'VOICE_CALL', count: 2 } });
    expect(refusedRow(9, [{ rule: 'call-not-in-future', field: 'receivedAt', message: 'cannot be in the future' }])).toEqual([
      { row: 9, field: 'receivedAt', message: 'cannot be in the future', code: 'rule' },
    ]);
  });
});
