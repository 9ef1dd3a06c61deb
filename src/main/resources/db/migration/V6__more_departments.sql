-- Reference data: the procurement offices that run credit checks in the demo and the documentation.
insert into department (code, name, region_code) values
    ('370100-CZJ', '济南市财政局', '370100'),
    ('370200-CZJ', '青岛市财政局', '370200'),
    ('370000-RSJ', '山东省人力资源和社会保障厅', '370000')
on conflict (code) do nothing;
