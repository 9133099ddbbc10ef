-- A tier benefit's grant was keyed by the tier that granted it ('tier:<tier>:<year>'), so a program
-- version that moved a benefit to another tier, or renamed a tier, granted it again within the same
-- year (a second sponsorship credit, say). The key is now the benefit's year alone ('tier:<year>';
-- the benefit is already part of the unique key). Existing keys are rewritten; where a partner already
-- holds such a duplicate, the earliest keeps the key and the others keep theirs, marked, as history.
with ranked as (
  select id, 'tier:' || split_part(source_key, ':', 3) as key,
         row_number() over (
           partition by partner_account_id, benefit_code, split_part(source_key, ':', 3)
           order by unlocked_at, id) as rn
    from entitlements
   where source_key ~ '^tier:[^:]+:[0-9]+$'
)
update entitlements e
   set source_key = case when r.rn = 1 then r.key else r.key || ':duplicate:' || e.id end
  from ranked r
 where r.id = e.id;
