-- Events a consumer has already applied (libs/messaging/src/kafka.ts): the claim of an event id is
-- committed in the same transaction as its effects, so a redelivered event changes nothing twice.
CREATE TABLE IF NOT EXISTS processed_event (
  consumer VARCHAR(100) NOT NULL,
  event_id UUID NOT NULL,
  processed_at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT processed_event_pkey PRIMARY KEY (consumer, event_id)
);
