-- The rate limit's counters (libs/platform/src/http/rate-limit.ts, RATE_LIMIT_STORE=database), shared
-- by every replica of a service. Unlogged: counters of the last minute need no backup or replica.
CREATE UNLOGGED TABLE IF NOT EXISTS rate_limit_window (
  bucket TEXT NOT NULL,
  window_start TIMESTAMPTZ NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
