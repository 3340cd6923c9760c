import { z } from 'zod';
import type { DomainEvent } from './event-catalogue';
import { RegionCodeSchema, type RegionCode } from './regions';

/** The wire envelope every event travels in, whatever its type and version. */
export const EventEnvelopeSchema = z
  .object({
    id: z.uuid().describe('Unique event id; consumers deduplicate on it'),
    type: z.string().min(1).max(100).describe('Event type, a fact in the past tense'),
    schemaVersion: z.number().int().positive().describe('Version of the payload schema'),
    occurredAt: z.iso.datetime({ offset: true }).describe('When the fact happened'),
    region: RegionCodeSchema,
    producer: z.string().min(1).max(50).describe('Service that published the event'),
    correlationId: z.uuid().describe('Id shared by every event caused by one request'),
    causationId: z.uuid().nullable().describe('Id of the event that caused this one, if any'),
    payload: z.unknown(),
  })
  .strict();

export interface EventMetadata {
  readonly id: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly region: RegionCode;
  readonly producer: string;
  readonly correlationId: string;
  readonly causationId: string | null;
}

/** A decoded event: its metadata and a payload already lifted to the newest version. */
export type EventEnvelope<E extends DomainEvent = DomainEvent> = E & EventMetadata;

/** Kafka header names. Trace context (traceparent) travels beside these. */
export const EVENT_HEADERS = {
  type: 'qorgau-event-type',
  schemaVersion: 'qorgau-schema-version',
  contentType: 'content-type',
} as const;
