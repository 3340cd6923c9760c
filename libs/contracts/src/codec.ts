import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { EVENT_HEADERS, EventEnvelopeSchema, type EventEnvelope } from './envelope';
import { EVENT_CATALOGUE, eventDefinition, latestVersion, type DomainEvent } from './event-catalogue';
import type { RegionCode } from './regions';
import { topicOwner } from './topics';
import { hasDayPrecision, kazakhstanDay, toDayPrecision } from './day-precision';

/** What a producer knows when it records an event; the codec adds the rest of the envelope. */
export interface NewEvent<E extends DomainEvent = DomainEvent> {
  readonly event: E;
  readonly region: RegionCode;
  readonly producer: string;
  readonly occurredAt: Date | string;
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly id?: string;
}

/** An event ready for Kafka: its topic and key come from its type, never from the caller. */
export interface EncodedEvent {
  readonly id: string;
  readonly type: string;
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

export class InvalidEventError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidEventError';
  }
}

/**
 * Turns a domain event into its wire form, validating the payload against the newest schema so a
 * producer can never publish what consumers would refuse. Case-linked dates go out to the day
 * (DAY_PRECISION_FIELDS).
 */
export function encodeEvent(input: NewEvent): EncodedEvent {
  const definition = EVENT_CATALOGUE[input.event.type];
  const checked = definition.schema.safeParse(toDayPrecision(input.event.type, input.event.payload));
  if (!checked.success) throw new InvalidEventError(`${input.event.type}: ${describeIssues(checked.error)}`);
  const exactly = typeof input.occurredAt === 'string' ? input.occurredAt : input.occurredAt.toISOString();
  const occurredAt = hasDayPrecision(input.event.type) ? kazakhstanDay(exactly) : exactly;
  const envelope = {
    id: input.id ?? randomUUID(),
    type: input.event.type,
    schemaVersion: latestVersion(definition),
    occurredAt,
    region: input.region,
    producer: input.producer,
    correlationId: input.correlationId,
    causationId: input.causationId ?? null,
    payload: checked.data,
  };
  const envelopeCheck = EventEnvelopeSchema.safeParse(envelope);
  if (!envelopeCheck.success) throw new InvalidEventError(`envelope of ${input.event.type}: ${describeIssues(envelopeCheck.error)}`);
  return {
    id: envelope.id,
    type: envelope.type,
    topic: definition.topic,
    key: (checked.data as Record<string, string>)[definition.key]!,
    value: JSON.stringify(envelope),
    headers: {
      [EVENT_HEADERS.type]: envelope.type,
      [EVENT_HEADERS.schemaVersion]: String(envelope.schemaVersion),
      [EVENT_HEADERS.contentType]: 'application/json',
    },
  };
}

export type DecodeResult = { readonly ok: true; readonly event: EventEnvelope } | { readonly ok: false; readonly reason: string };

/**
 * Reads an event of any published version and lifts its payload to the newest one. Never throws:
 * what cannot be read comes back with a reason fit for a dead-letter header (no payload values).
 */
/**
 * Decodes an event as consumers receive it. With the topic it arrived on, it is also held to its
 * provenance: its type must belong to that topic and its producer must be the topic's owner, so an
 * event published where it does not belong (a forged VictimDataErased) is refused, not obeyed.
 */
export function decodeEvent(value: Buffer | string | null | undefined, arrivedOn?: string): DecodeResult {
  if (value === null || value === undefined || value.length === 0) return { ok: false, reason: 'empty message' };
  let raw: unknown;
  try {
    raw = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch {
    // The parser's own message quotes the input, which may hold anything: keep it out.
    return { ok: false, reason: 'message is not valid JSON' };
  }
  const envelope = EventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: `invalid envelope: ${describeIssues(envelope.error)}` };
  const { type, schemaVersion } = envelope.data;
  const definition = eventDefinition(type);
  if (!definition) return { ok: false, reason: `unknown event type ${JSON.stringify(type.slice(0, 100))}` };
  if (arrivedOn !== undefined) {
    if (definition.topic !== arrivedOn) return { ok: false, reason: `${type} is not an event of ${arrivedOn} (it belongs to ${definition.topic})` };
    const owner = topicOwner(arrivedOn);
    if (envelope.data.producer !== owner) return { ok: false, reason: `producer ${JSON.stringify(envelope.data.producer)} does not own ${arrivedOn} (its owner is ${owner})` };
  }
  const newest = latestVersion(definition);
  if (schemaVersion > newest) {
    return { ok: false, reason: `unknown schema version ${schemaVersion} of ${type} (this consumer reads 1 to ${newest})` };
  }
  let payload: unknown = envelope.data.payload;
  for (const previous of definition.previous.filter((p) => p.version >= schemaVersion)) {
    const parsed = previous.schema.safeParse(payload);
    if (!parsed.success) return { ok: false, reason: `invalid ${type} v${previous.version} payload: ${describeIssues(parsed.error)}` };
    payload = previous.upcast(parsed.data as never);
  }
  const parsed = definition.schema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: `invalid ${type} v${newest} payload: ${describeIssues(parsed.error)}` };
  return { ok: true, event: { ...envelope.data, schemaVersion: newest, payload: parsed.data } as EventEnvelope };
}

/** "field.path: message; …" — paths and rules only, never the offending values. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
