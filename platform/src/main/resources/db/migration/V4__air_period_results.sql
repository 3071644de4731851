-- Month and year figures of every city (月报、年报): composite index and single indices, good-day ratio, heavy-
-- pollution days, means and rank among all cities, computed from the stored daily results by the standards library
-- and recomputed whenever an import changes a day of the period. rule_set is the rule choice the figures were
-- computed under (auto: each day judged by the rules in force then); rule_spans says which rule set judged which days.
create table air_period_city (
    city              varchar(64)  not null,
    period_kind       varchar(8)   not null,        -- month, year
    period_start      date         not null,
    period_end        date         not null,
    rule_set          varchar(16)  not null,
    rule_spans        varchar(200) not null,
    last_day          date,                           -- the latest day of the period with data, when computed
    composite_index   double precision,
    index_so2 double precision, index_no2 double precision, index_co double precision,
    index_o3 double precision, index_pm10 double precision, index_pm25 double precision,
    primary_pollutant varchar(64),
    good_day_ratio    double precision,
    good_days         integer      not null,
    valid_days        integer      not null,
    heavy_days        integer      not null,
    pm25 double precision, pm10 double precision, o3_p90 double precision,
    city_rank         integer,                        -- null when not ranked
    ranked_cities     integer      not null,
    complete          boolean      not null,          -- the data meet HJ 663's completeness rules
    computed_at       timestamp    not null,
    primary key (city, period_kind, period_start, rule_set),
    constraint air_period_kind_check check (period_kind in ('month', 'year'))
);
create index air_period_city_period_idx on air_period_city (period_kind, period_start);
