-- The recipient's display name (issue #13): the To: header reads "Megan Bowen <megan@contoso.example>".
-- Null when the recipient has no name of their own (the address alone is then the To:). The name is
-- one line of text: delivery hands it to nodemailer, which quotes or encodes it, and a line break in a
-- header is how one message becomes two, so the outbox refuses one outright.
alter table outbox add column recipient_name text
  check (recipient_name is null or (length(recipient_name) between 1 and 200 and recipient_name !~ '[[:cntrl:]]'));
