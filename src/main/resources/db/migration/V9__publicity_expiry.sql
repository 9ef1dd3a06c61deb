-- Publicity windows end by the calendar, not by a write: the day through which the index and caches reflect them.
create table publicity_expiry (
    id              integer primary key check (id = 1),
    checked_through date not null
);
insert into publicity_expiry (id, checked_through) values (1, current_date);

-- Repair applications are decided within a deadline in working days (repair-rules.json).
alter table repair add column due_on date not null;
