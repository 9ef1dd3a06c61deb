-- Who keeps a subject's master data: the department that registered it. Null for subjects registered by a registrar
-- (scope ingest:all) or before this version: only a registrar may change those (IngestRepository.UPSERT_SUBJECTS).
alter table subject add column registered_by text;
