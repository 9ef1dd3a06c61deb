-- Whether the job's submitter may be told about natural persons whom no public list names (AccessPolicy), fixed at submission.
alter table verification_job add column every_natural_person boolean not null default false;
