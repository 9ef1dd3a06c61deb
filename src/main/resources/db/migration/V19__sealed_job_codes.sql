-- Verification jobs keep no citizen ID: a code that may be one is stored masked, with the keyed hash of a valid ID
-- (subject_key) or, for one that is not valid, the reason and a keyed hash telling repeats apart (VerificationService.seal).
-- Rows stored before are sealed by version 20 (PersonalDataAtRest), which holds the key.
alter table verification_job_item add column subject_key text, add column invalid_reason text, add column same_as text;
