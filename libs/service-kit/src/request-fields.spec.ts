import { countField, dayField, pastTimestampField, personalText, phoneField, timestampField } from './request-fields';

describe('request fields', () => {
  it('accept a moment in the past and refuse one clearly in the future', () => {
    expect(pastTimestampField.safeParse('2026-01-10T09:00:00+05:00').success).toBe(true);
    const future = pastTimestampField.safeParse(new Date(Date.now() + 3_600_000).toISOString());
    expect(future.success).toBe(false);
    if (!future.success) expect(future.error.issues[0]?.message).toBe('cannot be in the future');
  });

  it('refuse a time without a zone, since offices span two time zones', () => {
    expect(pastTimestampField.safeParse('2026-01-10T09:00:00').success).toBe(false);
  });

  it('bound counts and text', () => {
    expect(countField(10).safeParse(11).success).toBe(false);
    expect(countField().safeParse(-1).success).toBe(false);
    expect(countField().safeParse(2.5).success).toBe(false);
    expect(personalText(5).safeParse('   ').success).toBe(false);
    expect(phoneField.safeParse('+7 701 000 00 00').success).toBe(true);
  });

  it('refuse dates outside the years records fall in: 1970 from an empty cell, year 1 or 999 from lost digits', () => {
    for (const value of ['1970-01-01T00:00:00Z', '0001-05-01T10:00:00+05:00', '0999-05-01T10:00:00+05:00', '2100-01-01T00:00:00Z']) {
      const parsed = timestampField.safeParse(value);
      expect({ value, ok: parsed.success, message: parsed.error?.issues[0]?.message }).toEqual({ value, ok: false, message: 'must be between 2000 and 2099' });
    }
    expect(timestampField.safeParse('2000-01-01T00:00:00+05:00').success).toBe(true);
    expect(dayField.safeParse('1999-12-31').success).toBe(false);
    expect(dayField.safeParse('2026-11-23').success).toBe(true);
  });
});
