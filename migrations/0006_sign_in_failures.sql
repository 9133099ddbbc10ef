-- Failed sign-ins per sign-in name, for the lockout that stops password guessing
-- (SIGN_IN_MAX_FAILURES within SIGN_IN_LOCKOUT_MINUTES). Kept by name whether or
-- not the user exists, so the limit tells nobody which names are real.
create table sign_in_failures (
  username text not null check (length(username) between 1 and 320),
  failed_at timestamptz not null default now()
);
create index sign_in_failures_username_idx on sign_in_failures (username, failed_at);
create index sign_in_failures_failed_at_idx on sign_in_failures (failed_at);
