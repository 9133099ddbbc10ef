-- Creating POSTs accept an Idempotency-Key (issue #10): the first answer to a key is kept, written in
-- the same transaction as what it created, and a retry with that key gets it back instead of a second
-- record. Keys are the caller's own (scope: the operation and who called it) and kept for 24 hours.
create table idempotency_keys (
  scope text not null,
  key text not null check (length(key) between 1 and 255),
  -- sha256 of the request's parameters and body (passwords left out): a key reused for another request is refused.
  fingerprint text not null,
  status integer not null,
  -- The answer as it was sent, byte for byte.
  body text not null,
  created_at timestamptz not null,
  primary key (scope, key)
);
create index idempotency_keys_created_at_idx on idempotency_keys (created_at);
