import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@qorgau/contracts';
import { cellsFor, dayOf, mergeCells, monthOf } from './view-cells';

const envelope = (event: Pick<EventEnvelope, 'type' | 'payload'>): EventEnvelope =>
  ({ id: randomUUID(), schemaVersion: 1, occurredAt: '2026-11-22T10:00:00Z', region: 'KZ-79', producer: 'intake', correlationId: randomUUID(), causationId: null, ...event }) as EventEnvelope;

describe('view cells', () => {
  it('counts a hotline call by every breakdown, and each referral it made', () => {
    const cells = cellsFor(
      envelope({
        type: 'HotlineCallLogged',
        payload: {
          callId: randomUUID(),
          receivedAt: '2026-11-10T08:00:00Z',
          channel: 'WHATSAPP',
          callerSex: 'MALE',
          callerAgeBand: 'AGE_25_34',
          callerCategory: 'ON_BEHALF_OF_SOMEONE',
          topics: ['EMPLOYMENT_ABROAD', 'DOCUMENTS_AND_VISAS'],
          destinationCountry: null,
          referrals: ['LEGAL', 'SHELTER'],
          anonymous: true,
        },
      }),
      'Asia/Almaty',
    );
    const find = (metric: string, dimension: string) => cells.filter((c) => c.metric === metric && c.dimension === dimension).map((c) => `${c.value}:${c.count}`);
    expect(find('hotline_calls', 'total')).toEqual(['all:1']);
    expect(find('hotline_calls', 'caller_category')).toEqual(['ON_BEHALF_OF_SOMEONE:1']);
    expect(find('hotline_calls', 'topic')).toEqual(['EMPLOYMENT_ABROAD:1', 'DOCUMENTS_AND_VISAS:1']);
    expect(find('hotline_calls', 'destination_country')).toEqual([]);
    expect(mergeCells(cells).filter((c) => c.metric === 'referrals' && c.dimension === 'total')).toEqual([expect.objectContaining({ count: 2 })]);
    expect(cells.every((c) => c.region === 'KZ-79' && c.day === '2026-11-10')).toBe(true);
  });

  it('counts an opened case by form of exploitation, citizenship, sex and age band', () => {
    const cells = cellsFor(
      envelope({
        type: 'CaseOpened',
        payload: { caseId: randomUUID(), openedAt: '2026-11-10T08:00:00Z', subjectSex: 'FEMALE', subjectAgeBand: 'AGE_13_17', citizenship: 'UZ', exploitationForm: 'SEXUAL', scope: 'CROSS_BORDER' },
      }),
      'Asia/Almaty',
    );
    expect(cells.map((c) => `${c.metric}/${c.dimension}/${c.value}`)).toEqual([
      'cases_opened/total/all',
      'cases_opened/exploitation_form/SEXUAL',
      'cases_opened/citizenship/UZ',
      'cases_opened/sex/FEMALE',
      'cases_opened/age_band/AGE_13_17',
      'cases_opened/scope/CROSS_BORDER',
    ]);
  });

  it('adds up deltas on the same counter, in the order of the counters (two batches lock shared ones alike)', () => {
    const base = { region: 'KZ-79', day: '2026-11-10', metric: 'hotline_calls', dimension: 'total', value: 'all' } as const;
    expect(
      mergeCells([
        { ...base, count: 1 },
        { ...base, count: 1 },
        { ...base, region: 'KZ-71', count: 1 },
      ]),
    ).toEqual([
      { ...base, region: 'KZ-71', count: 1 },
      { ...base, count: 2 },
    ]);
  });

  it('puts a call late on the last evening of a month into that month, in Kazakhstan time', () => {
    expect(monthOf('2026-11-30T18:30:00Z', 'Asia/Almaty')).toBe('2026-11');
    expect(monthOf('2026-11-30T19:30:00Z', 'Asia/Almaty')).toBe('2026-12');
    expect(monthOf('2026-11-30T19:30:00Z', 'UTC')).toBe('2026-11');
    // And the day: half past midnight on the 16th in Almaty (19:30 UTC on the 15th) is the 16th, for a grant period that starts then.
    expect(dayOf('2026-03-15T18:30:00Z', 'Asia/Almaty')).toBe('2026-03-15');
    expect(dayOf('2026-03-15T19:30:00Z', 'Asia/Almaty')).toBe('2026-03-16');
  });

  it('knows the day across offset changes: Kazakhstan moved from UTC+6 to UTC+5 on 1 March 2024; half-hour zones; summer time', () => {
    // At midnight (18:00 UTC on 29 February) the clocks went back to 23:00: the 29th had two hours more.
    expect(dayOf('2024-02-29T17:59:00Z', 'Asia/Almaty')).toBe('2024-02-29'); // 23:59 at UTC+6
    expect(dayOf('2024-02-29T18:30:00Z', 'Asia/Almaty')).toBe('2024-02-29'); // 23:30 again, at UTC+5
    expect(dayOf('2024-02-29T19:30:00Z', 'Asia/Almaty')).toBe('2024-03-01'); // 00:30 at UTC+5
    expect(dayOf('2026-03-15T18:29:00Z', 'Asia/Kolkata')).toBe('2026-03-15');
    expect(dayOf('2026-03-15T18:30:00Z', 'Asia/Kolkata')).toBe('2026-03-16');
    // Every day as Intl tells it, over years of instants in zones with and without summer time.
    const intl = (instant: string, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
    for (const timeZone of ['Asia/Almaty', 'Asia/Aqtobe', 'Europe/Berlin', 'America/St_Johns', 'Australia/Adelaide', 'UTC']) {
      for (let at = Date.UTC(2019, 0, 1); at < Date.UTC(2027, 0, 1); at += 7 * 3_600_000 + 13 * 60_000 + 7_000) {
        const instant = new Date(at).toISOString();
        if (dayOf(instant, timeZone) !== intl(instant, timeZone)) expect({ instant, timeZone, day: dayOf(instant, timeZone) }).toEqual({ instant, timeZone, day: intl(instant, timeZone) });
      }
    }
  });
});
