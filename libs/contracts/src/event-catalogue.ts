import { z } from 'zod';
import { CaseClosedV1, CaseOpenedV1, CaseReferredV1, ConsentRecordedV1, HotlineCallLoggedV1, VictimIdentifiedV1 } from './intake/intake-events';
import { TOPICS, type Topic } from './topics';

/** An older published version of an event, kept forever, and how to lift it to the next one. */
export interface PreviousVersion {
  readonly version: number;
  readonly schema: z.ZodType;
  readonly upcast: (payload: never) => unknown;
}

export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly topic: Topic;
  readonly description: string;
  /** Schema of the newest version: the only one producers write. */
  readonly schema: S;
  /** Older versions, oldest first; the newest version is previous.length + 1. */
  readonly previous: readonly PreviousVersion[];
  /** Kafka key: events with the same key keep their order (a case's events, in order). */
  readonly key: (payload: z.infer<S>) => string;
}

function defineEvent<const T extends string, S extends z.ZodType>(definition: {
  type: T;
  topic: Topic;
  description: string;
  schema: S;
  previous?: readonly PreviousVersion[];
  key: (payload: z.infer<S>) => string;
}): EventDefinition<T, S> {
  return { previous: [], ...definition };
}

export const EVENT_CATALOGUE = {
  HotlineCallLogged: defineEvent({
    type: 'HotlineCallLogged',
    topic: TOPICS.intake,
    description: 'A hotline operator logged a call: who called (by category, not identity), about what, and where they were referred.',
    schema: HotlineCallLoggedV1,
    key: (p) => p.callId,
  }),
  CaseOpened: defineEvent({
    type: 'CaseOpened',
    topic: TOPICS.intake,
    description: 'A case was opened for a presumed or identified victim of trafficking.',
    schema: CaseOpenedV1,
    key: (p) => p.caseId,
  }),
  VictimIdentified: defineEvent({
    type: 'VictimIdentified',
    topic: TOPICS.intake,
    description: 'The subject of a case was formally identified as a victim of trafficking.',
    schema: VictimIdentifiedV1,
    key: (p) => p.caseId,
  }),
  CaseReferred: defineEvent({
    type: 'CaseReferred',
    topic: TOPICS.intake,
    description: 'A case was referred to a lawyer, a psychologist, a shelter, the police, an embassy or another organisation.',
    schema: CaseReferredV1,
    key: (p) => p.caseId,
  }),
  ConsentRecorded: defineEvent({
    type: 'ConsentRecorded',
    topic: TOPICS.intake,
    description: "The victim's consent to services, to referral outside the NGO and to inclusion in reports was recorded.",
    schema: ConsentRecordedV1,
    key: (p) => p.caseId,
  }),
  CaseClosed: defineEvent({
    type: 'CaseClosed',
    topic: TOPICS.intake,
    description: 'A case was closed, with the reason.',
    schema: CaseClosedV1,
    key: (p) => p.caseId,
  }),
} as const;

export type EventCatalogue = typeof EVENT_CATALOGUE;
export type EventType = keyof EventCatalogue;
export type EventPayload<T extends EventType> = Readonly<z.infer<EventCatalogue[T]['schema']>>;

/** Every domain event as a discriminated union on `type`. */
export type DomainEvent = { [T in EventType]: { readonly type: T; readonly payload: EventPayload<T> } }[EventType];
export type DomainEventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

export function eventDefinition(type: string): EventDefinition | undefined {
  return Object.hasOwn(EVENT_CATALOGUE, type) ? (EVENT_CATALOGUE[type as EventType] as EventDefinition) : undefined;
}

export const latestVersion = (definition: EventDefinition): number => definition.previous.length + 1;

/** Makes a `switch` over event types fail to compile when a new event is not handled. */
export function assertNever(value: never): never {
  throw new Error(`unhandled event: ${JSON.stringify(value)}`);
}
