package org.envhub.standards.air.stats;

/** Where a city's daily MDA8 comes from ([OPEN] in the rulebook, section C). */
public enum CityMda8Source {
    /** The mean of its evaluation stations' valid MDA8 values of the day, like every other city daily statistic. Default. */
    STATION_MEAN,
    /** The MDA8 of the city's hourly mean O3 series, as some systems do. */
    CITY_HOURLY
}
