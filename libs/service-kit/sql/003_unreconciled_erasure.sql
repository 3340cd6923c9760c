-- Erasure events that ended in the dead-letter topic (libs/service-kit/src/erasure-reconciliation.ts):
-- kept until POST /erasures/reconciliation applies them, and counted in /health.
CREATE TABLE IF NOT EXISTS unreconciled_erasure (
  event_id UUID NOT NULL,
  case_id UUID NOT NULL,
  envelope JSONB NOT NULL,
  reason TEXT NOT NULL,
  failed_at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT unreconciled_erasure_pkey PRIMARY KEY (event_id)
);
