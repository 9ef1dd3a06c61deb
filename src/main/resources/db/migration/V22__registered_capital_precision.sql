-- Registered capital is given in 万元 to the yuan and below (1234.5678 = 12,345,678 yuan): numeric(18, 2) rounded
-- such values silently. Six decimals keep a value to the fen; ingest refuses anything finer rather than round it.
alter table subject alter column registered_capital type numeric(22, 6);
