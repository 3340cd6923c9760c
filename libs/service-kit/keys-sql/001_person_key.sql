-- One person's data key, wrapped by the service key (PERSONAL_DATA_KEY), in a database of its own
-- (<service database>_keys), apart from the data it protects, with its own role and a short backup
-- retention: a restored backup of the data cannot bring an erased person back. Erasure sets
-- wrapped_key to NULL: the person's fields stay as ciphertext that nothing can read any more, and the
-- erased row is the marker that refuses any detail sent later (libs/service-kit/src/personal-data.ts).
CREATE TABLE IF NOT EXISTS person_key (
  id UUID NOT NULL,
  wrapped_key TEXT,
  created_at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  erased_at TIMESTAMPTZ(3),
  CONSTRAINT person_key_pkey PRIMARY KEY (id)
);
