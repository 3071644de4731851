-- Surface water (地表水), version 60 (the 60s belong to the water feature). Same SQL on H2 and PostgreSQL 15+.
-- Instants in UTC (timestamp without time zone holding UTC), as everywhere in envhub.

-- The sections registry (断面台账). A section belongs to a city and, usually, a district of the area table,
-- as air stations do. target_class is the assessment target (考核目标): I, II, III, IV or V; null for none.
-- station_mn names the automatic water-quality station (水质自动站) whose HJ 212 data become the section's
-- daily samples.
create table water_section (
    code           varchar(32)  primary key,
    name           varchar(64)  not null,
    control_level  varchar(16)  not null,            -- national (国控), provincial (省控), municipal (市控)
    water_body     varchar(16)  not null,            -- river, lake, reservoir: lakes and reservoirs take the lake TP limits
    water_name     varchar(64),                      -- the river or lake (河流/湖库名称)
    basin          varchar(64),                      -- 流域
    city_id        bigint       not null references area (id),
    district_id    bigint       references area (id),
    longitude      double precision,
    latitude       double precision,
    target_class   varchar(4),
    active         boolean      not null default true,
    station_mn     varchar(64)  unique,
    updated_at     timestamp    not null,
    constraint water_section_level_check check (control_level in ('national', 'provincial', 'municipal')),
    constraint water_section_body_check check (water_body in ('river', 'lake', 'reservoir')),
    constraint water_section_target_check check (target_class in ('I', 'II', 'III', 'IV', 'V'))
);
create index water_section_district_idx on water_section (district_id);

-- Sample values (监测数据), one per section, sampling time, source and item. source: manual (a laboratory
-- sample, imported from a file) or auto (a daily sample made from the automatic station's HJ 212 data).
-- item is the column name of the wide files (ph, do, codmn, nh3n, tp, …). No foreign key, as for air values:
-- the importer checks sections against the registry.
create table water_sample (
    section_code  varchar(32)       not null,
    sampled_at    timestamp         not null,
    source        varchar(8)        not null,
    item          varchar(16)       not null,
    item_value    double precision  not null,
    import_id     bigint,
    primary key (section_code, sampled_at, source, item),
    constraint water_sample_source_check check (source in ('manual', 'auto'))
);
create index water_sample_time_idx on water_sample (sampled_at);

-- A value that a later import corrected: the old one, kept.
create table water_sample_history (
    section_code  varchar(32)       not null,
    sampled_at    timestamp         not null,
    source        varchar(8)        not null,
    item          varchar(16)       not null,
    item_value    double precision  not null,
    import_id     bigint,
    replaced_at   timestamp         not null,
    replaced_by   bigint
);
create index water_sample_history_key_idx on water_sample_history (section_code, sampled_at);

-- Derived: a section over a month or a year (the mean of the period's samples, rounded by the 2020 rule,
-- classified), with the rule set that produced it. A rule set never overwrites another's result.
-- period_kind: month or year; period_start: its first day (Beijing dates).
create table water_section_eval (
    section_code     varchar(32)   not null,
    period_kind      varchar(8)    not null,
    period_start     date          not null,
    rule_set         varchar(16)   not null,
    period_end       date          not null,
    samples          integer       not null,
    water_class      varchar(4),                     -- I II III IV V 劣V; null when no evaluated item was measured
    quality          varchar(8),                     -- 优 良好 轻度污染 中度污染 重度污染
    target_class     varchar(4),                     -- the target when computed
    attained         boolean,                        -- null without a target or a class
    main_pollutants  varchar(200),                   -- e.g. 氨氮(0.52)、总磷(0.30)
    cwqi             double precision,
    cwqi_items       integer,
    computed_at      timestamp     not null,
    primary key (section_code, period_kind, period_start, rule_set)
);
create index water_section_eval_period_idx on water_section_eval (period_kind, period_start);

-- The rounded period mean and class of each item of a section evaluation.
create table water_section_eval_item (
    section_code  varchar(32)       not null,
    period_kind   varchar(8)        not null,
    period_start  date              not null,
    rule_set      varchar(16)       not null,
    item          varchar(16)       not null,
    mean_value    double precision  not null,
    item_class    varchar(4),
    primary key (section_code, period_kind, period_start, rule_set, item)
);

-- Derived: a city, district, river or basin over a month or a year. area_kind: city, district, river, basin.
-- parent_name is the city of a district ('' otherwise); area_id the area of a city or district.
create table water_area_eval (
    area_kind      varchar(8)        not null,
    parent_name    varchar(64)       not null,
    area_name      varchar(64)       not null,
    period_kind    varchar(8)        not null,
    period_start   date              not null,
    rule_set       varchar(16)       not null,
    area_id        bigint,
    sections       integer           not null,       -- sections with a class
    good_sections  integer           not null,       -- of which I–III (优良)
    worst_sections integer           not null,       -- of which 劣V
    good_ratio     double precision,                 -- percent, one decimal, as published
    worst_ratio    double precision,                 -- percent, one decimal
    quality        varchar(8),                       -- the river and basin rating
    rating_method  varchar(16),                      -- shares (5 or more sections) or mean
    cwqi           double precision,                 -- as published (4 decimals)
    cwqi_rank      integer,                          -- among the areas of its kind (districts: within the city)
    with_target    integer           not null,
    attained       integer           not null,
    computed_at    timestamp         not null,
    primary key (area_kind, parent_name, area_name, period_kind, period_start, rule_set)
);
create index water_area_eval_period_idx on water_area_eval (period_kind, period_start);
