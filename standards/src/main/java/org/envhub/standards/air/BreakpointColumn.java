package org.envhub.standards.air;

/** A column of HJ 633 table 1: a pollutant and its averaging time. */
public enum BreakpointColumn {
    SO2_24H, SO2_1H, NO2_24H, NO2_1H, PM10_24H, CO_24H, CO_1H, O3_1H, O3_8H, PM25_24H
}
