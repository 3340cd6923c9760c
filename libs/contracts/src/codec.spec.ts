import { randomUUID } from 'node:crypto';
import { decodeEvent, encodeEvent, InvalidEventError, type NewEvent } from './codec';
import { toDayPrecision } from './day-precision';
import { EVENT_CATALOGUE, EVENT_TYPES, latestVersion, type DomainEvent } from './event-catalogue';
import { AT, CASE_ID, EVENT_EXAMPLES as examples } from './event-examples';

const newEvent = (event: DomainEvent): NewEvent => ({ event, region: 'KZ-79', producer: 'intake', occurredAt: AT, correlationId: randomUUID() });

describe('event codec', () => {
  it.each(EVENT_TYPES)('round-trips %s through its wire form', (type) => {
    const encoded = encodeEvent(newEvent(examples[type]));
    expect(encoded.topic).toBe(EVENT_CATALOGUE[type].topic);
    expect(encoded.headers['qorgau-event-type']).toBe(type);
    const decoded = decodeEvent(Buffer.from(encoded.value));
    expect(decoded).toEqual({
      ok: true,
      event: expect.objectContaining({ type, payload: toDayPrecision(type, examples[type].payload), region: 'KZ-79', schemaVersion: latestVersion(EVENT_CATALOGUE[type]) }),
    });
  });

  it('reads a report submitted under version 1 (calendar periods only) as version 2, and a grant period only as version 2', () => {
    const wire = JSON.parse(encodeEvent(newEvent(examples.ReportSubmitted)).value) as Record<string, unknown>;
    const v1 = decodeEvent(Buffer.from(JSON.stringify({ ...wire, schemaVersion: 1 })));
    expect(v1).toEqual({ ok: true, event: expect.objectContaining({ schemaVersion: 2, payload: expect.objectContaining({ periodKind: 'QUARTER', period: '2026-Q1' }) }) });
    const grant = { ...(wire['payload'] as object), periodKind: 'RANGE', period: '2006-03-16..2008-03-16' };
    expect(decodeEvent(Buffer.from(JSON.stringify({ ...wire, payload: grant })))).toEqual({ ok: true, event: expect.objectContaining({ payload: expect.objectContaining({ periodKind: 'RANGE' }) }) });
    expect(decodeEvent(Buffer.from(JSON.stringify({ ...wire, schemaVersion: 1, payload: grant })))).toEqual({ ok: false, reason: expect.stringContaining('invalid ReportSubmitted v1 payload') });
  });

  it('publishes the dates that tie an event to a case to the Kazakhstan day, the envelope time too; other events keep the exact time', () => {
    const referred = JSON.parse(
      encodeEvent({ ...newEvent({ ...examples.CaseReferred, payload: { ...examples.CaseReferred.payload, referredAt: '2026-03-02T21:37:12.345Z' } }), occurredAt: '2026-03-02T21:37:12.345Z' }).value,
    );
    expect(referred.payload.referredAt).toBe('2026-03-03T00:00:00+05:00');
    expect(referred.occurredAt).toBe('2026-03-03T00:00:00+05:00');
    const call = JSON.parse(encodeEvent(newEvent(examples.HotlineCallLogged)).value);
    expect(call.payload.receivedAt).toBe(examples.HotlineCallLogged.payload.receivedAt);
  });

  it('keys a case’s events by the case, so they stay in order', () => {
    const keys = (['CaseOpened', 'VictimIdentified', 'CaseReferred', 'ConsentRecorded', 'CaseClosed'] as const).map((t) => encodeEvent(newEvent(examples[t])).key);
    expect(new Set(keys)).toEqual(new Set([CASE_ID]));
  });

  it('refuses to encode a payload with a field the schema does not know, such as a name', () => {
    const leaky = { ...examples.HotlineCallLogged, payload: { ...examples.HotlineCallLogged.payload, callerName: 'Aigerim' } } as DomainEvent;
    expect(() => encodeEvent(newEvent(leaky))).toThrow(InvalidEventError);
  });

  it.each([
    ['an empty message', '', 'empty message'],
    ['text that is not JSON', '{"a": nope', 'message is not valid JSON'],
    ['an envelope without an id', JSON.stringify({ type: 'CaseClosed' }), 'invalid envelope'],
    ['an unknown event type', JSON.stringify({ ...JSON.parse(encodeEvent(newEvent(examples.CaseClosed)).value), type: 'CaseTeleported' }), 'unknown event type'],
    ['a schema version from the future', JSON.stringify({ ...JSON.parse(encodeEvent(newEvent(examples.CaseClosed)).value), schemaVersion: 7 }), 'unknown schema version 7 of CaseClosed'],
    ['a payload that fails its schema', JSON.stringify({ ...JSON.parse(encodeEvent(newEvent(examples.CaseClosed)).value), payload: { caseId: 'x' } }), 'invalid CaseClosed v1 payload'],
  ])('explains why it cannot read %s', (_, value, reason) => {
    const decoded = decodeEvent(value);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toContain(reason);
  });

  it('reads an event on the topic it belongs to, from the topic’s owner', () => {
    const erased = encodeEvent(newEvent(examples.VictimDataErased));
    expect(decodeEvent(erased.value, erased.topic).ok).toBe(true);
  });

  it('refuses an event that arrived on a topic it does not belong to (a forged VictimDataErased on outreach’s topic)', () => {
    const forged = decodeEvent(encodeEvent(newEvent(examples.VictimDataErased)).value, 'qorgau.outreach.events');
    expect(forged).toEqual({ ok: false, reason: 'VictimDataErased is not an event of qorgau.outreach.events (it belongs to qorgau.intake.events)' });
  });

  it('refuses an event whose producer is not its topic’s owner', () => {
    const encoded = encodeEvent({ ...newEvent(examples.VictimDataErased), producer: 'outreach' });
    expect(decodeEvent(encoded.value, encoded.topic)).toEqual({ ok: false, reason: 'producer "outreach" does not own qorgau.intake.events (its owner is intake)' });
  });

  it('never quotes the offending values in a reason', () => {
    const value = JSON.stringify({ ...JSON.parse(encodeEvent(newEvent(examples.HotlineCallLogged)).value), payload: { ...examples.HotlineCallLogged.payload, callerSex: 'Aigerim +77010000000' } });
    const decoded = decodeEvent(value);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).not.toContain('Aigerim');
  });
});
