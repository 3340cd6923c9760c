import { countField, pastTimestampField, personalText, phoneField } from './request-fields';

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
});
