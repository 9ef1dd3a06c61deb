-- Anonymous credit reports are content-addressed: the same subject, view and data give the same stored report, so
-- anonymous callers cannot grow this table by asking again. content_key is the SHA-256 of everything in the report
-- but its number and time; null for reports of identified callers (each of those is evidence of one request).
alter table credit_report add column content_key text;
create unique index credit_report_content_key_idx on credit_report (content_key) where content_key is not null;
