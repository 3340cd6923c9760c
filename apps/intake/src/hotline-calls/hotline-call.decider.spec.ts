import { specification } from '@qorgau/testing';
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

// Given the time on the operator's clock, when a call is logged.
const hotline = specification((now: Date, logged: HotlineCall) => logHotlineCall(logged, now)).given(NOW);

describe('logging a hotline call', () => {
  it('announces the call without anything that identifies the caller', () => {
    hotline.when(call()).thenAccepted(({ event }) => {
      const serialised = JSON.stringify(event);
      expect(serialised).not.toContain('Aigerim');
      expect(serialised).not.toContain('701');
      expect(serialised).not.toContain('Antalya');
      expect(event.payload.topics).toEqual(['EMPLOYMENT_ABROAD']);
    });
  });

  it('refuses a name or a phone number on an anonymous call', () => {
    hotline.when(call({ anonymous: true })).thenRefused('anonymous-call-unnamed', 'callerName');
    hotline.when(call({ anonymous: true, callerName: null })).thenRefused('anonymous-call-unnamed', 'callerPhone');
  });

  it('refuses a call received in the future, allowing for clock drift', () => {
    hotline.when(call({ receivedAt: new Date('2026-11-22T10:04:00Z') })).thenAccepted();
    hotline.when(call({ receivedAt: new Date('2026-11-22T11:00:00Z') })).thenRefused('call-not-in-future', 'receivedAt');
  });
});
