-- Request ids are the server's own (unique); an id the client sent is kept beside it, for the client's correlation only.
alter table audit_event add column client_request_id text;
