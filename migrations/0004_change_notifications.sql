-- Change notifications for the in-process caches (src/platform/db/change-feed.ts).
-- Each statement that writes one of these tables sends `<schema>.<table>` on the
-- channel rewards_changes when its transaction commits (PostgreSQL folds repeats
-- within a transaction into one). Instances drop what they cached from it; the
-- list matches SCOPES_OF_TABLE, and a test compares the two.

create function notify_rewards_change() returns trigger
language plpgsql as $$
begin
  perform pg_notify('rewards_changes', tg_table_schema || '.' || tg_table_name);
  return null;
end
$$;

create trigger sessions_notify_change after insert or update or delete or truncate on sessions
  for each statement execute function notify_rewards_change();
create trigger users_notify_change after insert or update or delete or truncate on users
  for each statement execute function notify_rewards_change();
create trigger tenants_notify_change after insert or update or delete or truncate on tenants
  for each statement execute function notify_rewards_change();
create trigger partner_accounts_notify_change after insert or update or delete or truncate on partner_accounts
  for each statement execute function notify_rewards_change();
create trigger publisher_profiles_notify_change after insert or update or delete or truncate on publisher_profiles
  for each statement execute function notify_rewards_change();
create trigger offers_notify_change after insert or update or delete or truncate on offers
  for each statement execute function notify_rewards_change();
create trigger billed_sales_notify_change after insert or update or delete or truncate on billed_sales
  for each statement execute function notify_rewards_change();
create trigger partner_eligibility_notify_change after insert or update or delete or truncate on partner_eligibility
  for each statement execute function notify_rewards_change();
create trigger program_versions_notify_change after insert or update or delete or truncate on program_versions
  for each statement execute function notify_rewards_change();
create trigger program_tiers_notify_change after insert or update or delete or truncate on program_tiers
  for each statement execute function notify_rewards_change();
