-- Objections a competitor cannot use to stall a subject: the first objection against a record or list entry puts
-- it under objection (and holds its repair) until decided; once one has been rejected, later objections against it
-- are handled without that hold (blocks = false), and must bring new grounds. One blocking objection open at a time.
alter table objection add column blocks boolean not null default true;
drop index objection_open_record_idx;
drop index objection_open_entry_idx;
create unique index objection_open_record_idx on objection (record_id) where status in ('FILED', 'ACCEPTED') and blocks;
create unique index objection_open_entry_idx on objection (list_entry_id) where status in ('FILED', 'ACCEPTED') and blocks;
-- A filer's open objections are counted by contact (phone without dashes, e-mail in lower case).
create index objection_contact_idx on objection (lower(replace(contact, '-', '')))
    where status in ('FILED', 'ACCEPTED') and contact is not null;
