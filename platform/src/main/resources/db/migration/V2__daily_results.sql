-- Derived daily results (日均值与日AQI), each with the rule set that produced it (HJ 633 / HJ 663 by date).
-- natural_day is the day in Beijing time (hours 01:00 to 24:00). A statistic that is not valid is null.
create table air_daily_station (
    station_code  varchar(16)  not null,
    natural_day   date         not null,
    rule_set      varchar(16)  not null,
    so2 double precision, no2 double precision, co double precision, pm10 double precision, pm25 double precision,
    o3_max_1h double precision, o3_max_8h double precision,
    aqi           integer,
    primary_pollutant varchar(64),
    primary key (station_code, natural_day, rule_set)
);
create index air_daily_station_day_idx on air_daily_station (natural_day);

-- A city's day: the means of its evaluation stations' daily statistics (control stations left out), and the
-- daily AQI of those means.
create table air_daily_city (
    city          varchar(64)  not null,
    natural_day   date         not null,
    rule_set      varchar(16)  not null,
    so2 double precision, no2 double precision, co double precision, pm10 double precision, pm25 double precision,
    o3_max_1h double precision, o3_max_8h double precision,
    aqi           integer,
    primary_pollutant varchar(64),
    primary key (city, natural_day, rule_set)
);
create index air_daily_city_day_idx on air_daily_city (natural_day);
