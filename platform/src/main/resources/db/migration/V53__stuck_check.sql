-- The stuck-value check per point and factor: identical real-time values in a row that raise an alarm; 0 turns it
-- off; null takes the default (envhub.hj212.alarms.stuck-count, off for the factors of stuck-check-skip). Batch
-- analysers (COD, NH3-N, TP, TN, CODMn) measure once every hour or two and repeat their last result in between,
-- and a duct's cross-section never changes: on the real traffic they raised half of all alarms.
alter table factor_check add column stuck_count integer;
