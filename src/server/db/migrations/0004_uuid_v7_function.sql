-- UUIDv7 inside the database, for rows a set-based statement writes in bulk (a full re-score's points history):
-- the same layout as the app's ids (48-bit Unix milliseconds, version 7, variant 10, random rest).
CREATE OR REPLACE FUNCTION tandem_uuid_v7(p_at timestamptz) RETURNS uuid
  LANGUAGE sql VOLATILE PARALLEL SAFE
  AS $$
    SELECT encode(
      set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM p_at) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1),
      'hex')::uuid
  $$;
