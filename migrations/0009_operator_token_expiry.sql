-- Operator tokens may carry an expiry (issue #10): a token past it is refused like a revoked one.
alter table operator_tokens add column expires_at timestamptz;
