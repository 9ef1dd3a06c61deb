-- One queue of outgoing webhook calls for every kind of notification (watch events, finished verification jobs),
-- written in the transaction that makes the notification, delivered at least once with back-off.
create table webhook_delivery (
    id           bigserial primary key,
    url          text not null,
    secret       text not null,
    event        text not null,          -- sent as X-CQ-Event: watch:<seq> or job:<id>; receivers deduplicate by it
    body         text not null,
    attempts     integer not null default 0,
    next_attempt timestamptz default clock_timestamp(),
    delivered_at timestamptz,
    created_at   timestamptz not null default clock_timestamp()
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt) where delivered_at is null and next_attempt is not null;

insert into webhook_delivery (url, secret, event, body, attempts, next_attempt)
select w.webhook_url, w.webhook_secret, 'watch:' || e.seq,
       jsonb_build_object('watchlistId', e.watchlist_id, 'event', jsonb_build_object('seq', e.seq, 'kind', e.kind,
           'subjectCode', coalesce(s.uscc, s.id_masked), 'subjectName', s.name, 'detail', e.detail,
           'occurredAt', e.occurred_at))::text,
       e.attempts, e.next_attempt
from watch_event e join watchlist w on w.id = e.watchlist_id join subject s on s.id = e.subject_id
where e.delivered_at is null and e.next_attempt is not null and w.webhook_url is not null;

drop index watch_event_delivery_idx;
alter table watch_event drop column delivered_at, drop column attempts, drop column next_attempt;

alter table verification_job add column webhook_url text, add column webhook_secret text;
