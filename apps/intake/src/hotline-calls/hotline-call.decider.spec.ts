import { logHotlineCall, type HotlineCall } from './hotline-call.decider';

const NOW = new Date('2026-11-22T10:00:00Z');
const call = (overrides: Partial<HotlineCall> = {}): HotlineCall => ({
  id: '6f2a0c1e-1b7a-4f55-9d3e-2f7c9b1a0d11',
  region: 'KZ-79',
  receivedAt: new Date('2026-11-22T09:55:00Z'),
  channel: 'VOICE_CALL',
  callerSex: 'FEMALE',
  callerAgeBand: 'AGE_18_24',
  callerCategory: 'PREPARING_TO_TRAVEL_ABROAD',
  topics: ['EMPLOYMENT_ABROAD', 'EMPLOYMENT_ABROAD'],
  destinationCountry: 'TR',
  referrals: ['LEGAL'],
  anonymous: false,
  callerName: 'Aigerim S.',
  callerPhone: '+7 701 000 00 00',
  notes: 'Was offered a job as a waitress in Antalya',
  ...overrides,
});

describe('logging a hotline call', () => {
  it('announces the call without anything that identifies the caller', () => {
    const decision = logHotlineCall(call(), NOW);
    if (!decision.ok) throw new Error('refused');
    const serialised = JSON.stringify(decision.value.event);
    expect(serialised).not.toContain('Aigerim');
    expect(serialised).not.toContain('701');
    expect(serialised).not.toContain('Antalya');
    expect(decision.value.event.payload.topics).toEqual(['EMPLOYMENT_ABROAD']);
  });

  it('refuses a name or a phone number on an anonymous call', () => {
    const decision = logHotlineCall(call({ anonymous: true }), NOW);
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.violations.map((v) => v.field)).toEqual(['callerName', 'callerPhone']);
  });

  it('refuses a call received in the future, allowing for clock drift', () => {
    expect(logHotlineCall(call({ receivedAt: new Date('2026-11-22T10:04:00Z') }), NOW).ok).toBe(true);
    expect(logHotlineCall(call({ receivedAt: new Date('2026-11-22T11:00:00Z') }), NOW).ok).toBe(false);
  });
});
