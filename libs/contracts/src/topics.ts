/**
 * Kafka topics, one per producing service.
 *
 * WARNING: a topic name is part of the stored history. Renaming one strands every event already in
 * it and every consumer's progress; it needs a migration plan (dual publishing, a replay into the
 * new topic, then a switch), not a search-and-replace.
 */
export const TOPICS = {
  intake: 'qorgau.intake.events',
  legal: 'qorgau.legal.events',
  psychology: 'qorgau.psychology.events',
  outreach: 'qorgau.outreach.events',
  statistics: 'qorgau.statistics.events',
  social: 'qorgau.social.events',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** The service that alone publishes to a topic: the `producer` of every event on it. */
export const topicOwner = (topic: string): string | undefined => (Object.entries(TOPICS) as [string, string][]).find(([, name]) => name === topic)?.[0];

/** Events a consumer cannot read or keeps failing on go here, with the reason in headers. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

/** Every domain topic, for consumers that read them all (the projection) and for topic creation. */
export const DOMAIN_TOPICS: readonly Topic[] = Object.values(TOPICS);
