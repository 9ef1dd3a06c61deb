-- A report's digest is over the exact text of its content; jsonb would normalise it (key order, number forms).
alter table credit_report alter column content type text using content::text;
