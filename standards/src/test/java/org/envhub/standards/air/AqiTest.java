package org.envhub.standards.air;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every AQI rule of the rulebook (A.0, A.1), with values worked by hand. */
class AqiTest {

    private static final AqiRuleSet CNEMC = AqiRuleSet.CNEMC;
    private static final AqiRuleSet HJ2012 = AqiRuleSet.HJ633_2012;
    private static final AqiRuleSet HJ2026 = AqiRuleSet.HJ633_2026;

    /** 1h values; the moving means default to the 1h ones. */
    private static HourlyConcentrations hour(double so2, double no2, double co, double o3, double pm10, double pm25) {
        return new HourlyConcentrations(so2, no2, co, o3, pm10, pm25, so2, pm10, pm25);
    }

    /** Clean air except PM2.5. */
    private static HourlyConcentrations pm25(double pm25) {
        return hour(5, 10, 0.3, 20, 20, pm25);
    }

    @Nested
    class Hourly {

        @Test
        void aWorkedHourUnderEachRuleSet() {
            // SO2 10 → 3.33 → 4; NO2 30 → 15; CO 0.6 → 6; O3 50 → 15.6 → 16.
            HourlyConcentrations c = new HourlyConcentrations(10, 30, 0.6, 50, 80, 60, 12, 100, 40);
            AqiResult cnemc = Aqi.hourly(CNEMC, c);
            assertThat(cnemc.subIndex(AqiItem.SO2)).isEqualTo(4);
            assertThat(cnemc.subIndex(AqiItem.NO2)).isEqualTo(15);
            assertThat(cnemc.subIndex(AqiItem.CO)).isEqualTo(6);
            assertThat(cnemc.subIndex(AqiItem.O3_1H)).isEqualTo(16);
            assertThat(cnemc.subIndex(AqiItem.O3_8H)).isEqualTo(AqiResult.MISSING);
            // The platform rates the 1h PM values against the 24h columns: PM10 80 → 65, PM2.5 60 → 81.25 → 82.
            assertThat(cnemc.subIndex(AqiItem.PM10)).isEqualTo(65);
            assertThat(cnemc.subIndex(AqiItem.PM25)).isEqualTo(82);
            assertThat(cnemc.aqi()).isEqualTo(82);
            assertThat(cnemc.primaryOfficialName()).isEqualTo("细颗粒物(PM2.5)");
            assertThat(cnemc.level()).isEqualTo(AqiLevel.GOOD);

            // HJ 633-2012 table 4 takes the 24h moving means: PM10 100 → 75, PM2.5 40 → 56.25 → 57.
            AqiResult text2012 = Aqi.hourly(HJ2012, c);
            assertThat(text2012.subIndex(AqiItem.PM10)).isEqualTo(75);
            assertThat(text2012.subIndex(AqiItem.PM25)).isEqualTo(57);
            assertThat(text2012.aqi()).isEqualTo(75);
            assertThat(text2012.primary()).containsExactly(AqiItem.PM10);

            // HJ 633-2026: 1h values, new PM breakpoints: PM2.5 60 → 100, PM10 80 → 71.4 → 72.
            AqiResult text2026 = Aqi.hourly(HJ2026, c);
            assertThat(text2026.subIndex(AqiItem.PM25)).isEqualTo(100);
            assertThat(text2026.subIndex(AqiItem.PM10)).isEqualTo(72);
            assertThat(text2026.aqi()).isEqualTo(100);
        }

        @Test
        void so2Above800FallsBackTo24hUnder2012AndIs200Otherwise() {
            HourlyConcentrations c = new HourlyConcentrations(900, 10, 0.3, 20, 20, 10, 200, 20, 10);
            // SO2 24h 200: 100 + 50 × 50/325 = 107.7 → 108.
            assertThat(Aqi.hourly(HJ2012, c).subIndex(AqiItem.SO2)).isEqualTo(108);
            assertThat(Aqi.hourly(CNEMC, c).subIndex(AqiItem.SO2)).isEqualTo(200);
            assertThat(Aqi.hourly(HJ2026, c).subIndex(AqiItem.SO2)).isEqualTo(200);
            assertThat(Aqi.hourly(CNEMC, c).aqi()).isEqualTo(200);
            // 800 itself is still on the 1h column.
            assertThat(Aqi.hourly(HJ2012, hour(800, 10, 0.3, 20, 20, 10)).subIndex(AqiItem.SO2)).isEqualTo(200);
        }

        @Test
        void aboveTheTopBreakpointIs500() {
            assertThat(Aqi.hourly(CNEMC, pm25(650)).aqi()).isEqualTo(500);
            assertThat(Aqi.hourly(CNEMC, hour(5, 10, 151, 20, 20, 10)).subIndex(AqiItem.CO)).isEqualTo(500);
            assertThat(Aqi.hourly(CNEMC, hour(5, 4000, 0.3, 20, 20, 10)).subIndex(AqiItem.NO2)).isEqualTo(500);
            assertThat(Aqi.hourly(HJ2026, hour(5, 10, 0.3, 1300, 20, 10)).subIndex(AqiItem.O3_1H)).isEqualTo(500);
        }

        @Test
        void iaqiAndAqiAreRoundedUp() {
            // PM2.5 36: 50 + 50 × 1/40 = 51.25 → 52, not 51.
            assertThat(Aqi.hourly(CNEMC, pm25(36)).aqi()).isEqualTo(52);
            // CO 1.2 mg/m³: exactly 12, binary noise does not push it to 13.
            assertThat(Aqi.hourly(CNEMC, hour(5, 10, 1.2, 20, 20, 10)).subIndex(AqiItem.CO)).isEqualTo(12);
            assertThat(Aqi.iaqi(CNEMC, BreakpointColumn.O3_8H, Pollutant.O3, 100.01)).isEqualTo(51);
        }
    }

    @Nested
    class Rounding2026 {

        @Test
        void concentrationsAreRoundedHalfToEvenBeforeTheIaqiOnlyUnder2026() {
            // 35.5 → 36 (even), then 50 + 50 × 1/25 = 52; 2012 keeps 35.5: 50 + 50 × 0.5/40 = 50.6 → 51.
            assertThat(Aqi.iaqi(HJ2026, BreakpointColumn.PM25_24H, Pollutant.PM25, 35.5)).isEqualTo(52);
            assertThat(Aqi.iaqi(HJ2012, BreakpointColumn.PM25_24H, Pollutant.PM25, 35.5)).isEqualTo(51);
            // 36.5 → 36 (even): 52; 37.5 → 38: 56. Unrounded 36.5 would give 53.
            assertThat(Aqi.iaqi(HJ2026, BreakpointColumn.PM25_24H, Pollutant.PM25, 36.5)).isEqualTo(52);
            assertThat(Aqi.iaqi(HJ2026, BreakpointColumn.PM25_24H, Pollutant.PM25, 37.5)).isEqualTo(56);
            // CO to one decimal: 0.25 → 0.2 → IAQI 2 (1h); 2012 keeps 0.25 → 2.5 → 3.
            assertThat(Aqi.iaqi(HJ2026, BreakpointColumn.CO_1H, Pollutant.CO, 0.25)).isEqualTo(2);
            assertThat(Aqi.iaqi(HJ2012, BreakpointColumn.CO_1H, Pollutant.CO, 0.25)).isEqualTo(3);
            assertThat(Aqi.hourly(HJ2026, pm25(35.5)).aqi()).isEqualTo(52);
            assertThat(Aqi.hourly(CNEMC, pm25(35.5)).aqi()).isEqualTo(51);
        }

        @Test
        void newParticulateBreakpoints() {
            assertThat(Aqi.iaqi(HJ2026, BreakpointColumn.PM25_24H, Pollutant.PM25, 60)).isEqualTo(100);
            assertThat(Aqi.iaqi(HJ2026, BreakpointColumn.PM10_24H, Pollutant.PM10, 120)).isEqualTo(100);
            // Under 2012: 50 + 50 × 25/40 = 81.25 → 82, and 50 + 50 × 70/100 = 85.
            assertThat(Aqi.iaqi(HJ2012, BreakpointColumn.PM25_24H, Pollutant.PM25, 60)).isEqualTo(82);
            assertThat(Aqi.iaqi(HJ2012, BreakpointColumn.PM10_24H, Pollutant.PM10, 120)).isEqualTo(85);
        }
    }

    @Nested
    class Daily {

        private final DailyConcentrations day = new DailyConcentrations(20, 50, 1.0, 100, 80, 210, 170);

        @Test
        void sevenItemsUnder2012() {
            AqiResult r = Aqi.daily(HJ2012, day);
            assertThat(r.subIndex(AqiItem.SO2)).isEqualTo(20);
            assertThat(r.subIndex(AqiItem.NO2)).isEqualTo(63);   // 50 + 50 × 10/40 = 62.5
            assertThat(r.subIndex(AqiItem.CO)).isEqualTo(25);
            assertThat(r.subIndex(AqiItem.PM10)).isEqualTo(75);
            assertThat(r.subIndex(AqiItem.PM25)).isEqualTo(107); // 100 + 50 × 5/40 = 106.25
            assertThat(r.subIndex(AqiItem.O3_1H)).isEqualTo(105); // 100 + 50 × 10/100
            assertThat(r.subIndex(AqiItem.O3_8H)).isEqualTo(110); // 100 + 50 × 10/55 = 109.1
            assertThat(r.aqi()).isEqualTo(110);
            assertThat(r.primaryOfficialName()).isEqualTo("臭氧8小时");
            assertThat(r.exceeding()).containsExactly(AqiItem.O3_1H, AqiItem.O3_8H, AqiItem.PM25);
            assertThat(r.level()).isEqualTo(AqiLevel.LIGHTLY_POLLUTED);
        }

        @Test
        void sixItemsUnder2026WithTheNewBreakpointsAndNoExceedingList() {
            AqiResult r = Aqi.daily(HJ2026, day);
            assertThat(r.subIndex(AqiItem.O3_1H)).isEqualTo(AqiResult.MISSING);
            assertThat(r.subIndex(AqiItem.PM25)).isEqualTo(119); // 100 + 50 × 20/55 = 118.2
            assertThat(r.subIndex(AqiItem.PM10)).isEqualTo(86);  // 50 + 50 × 50/70 = 85.7
            assertThat(r.aqi()).isEqualTo(119);
            assertThat(r.primary()).containsExactly(AqiItem.PM25);
            assertThat(r.exceeding()).isEmpty();
        }

        @Test
        void o3EightHoursAbove800UsesTheOneHourIaqiUnder2012And300Under2026() {
            DailyConcentrations ozone = new DailyConcentrations(5, 10, 0.3, 20, 10, 1000, 900);
            assertThat(Aqi.daily(HJ2012, ozone).subIndex(AqiItem.O3_8H)).isEqualTo(400);
            assertThat(Aqi.daily(HJ2012, ozone).aqi()).isEqualTo(400);
            assertThat(Aqi.daily(HJ2026, ozone).subIndex(AqiItem.O3_8H)).isEqualTo(300);
            assertThat(Aqi.daily(HJ2026, ozone).aqi()).isEqualTo(300);
        }
    }

    @Nested
    class PrimaryPollutants {

        @Test
        void onlyAbove50() {
            AqiResult fifty = Aqi.hourly(CNEMC, pm25(35));
            assertThat(fifty.aqi()).isEqualTo(50);
            assertThat(fifty.primary()).isEmpty();
            assertThat(fifty.primaryOfficialName()).isEmpty();
            assertThat(Aqi.hourly(CNEMC, pm25(36)).primary()).containsExactly(AqiItem.PM25);
        }

        @Test
        void tiesOnTheRoundedUpIaqiAreAllListedInThePlatformsOrder() {
            // PM10 53 → 51.5 → 52 and O3 161 → 51.25 → 52, as station 1178A on 2023-07-15 15:00.
            AqiResult pmAndOzone = Aqi.hourly(CNEMC, hour(11, 8, 0.5, 161, 53, 4));
            assertThat(pmAndOzone.aqi()).isEqualTo(52);
            assertThat(pmAndOzone.primaryOfficialName()).isEqualTo("颗粒物(PM10),臭氧1小时");
            // PM10 55 → 52.5 → 53 and PM2.5 37 → 52.5 → 53.
            AqiResult particles = Aqi.hourly(CNEMC, hour(5, 10, 0.3, 20, 55, 37));
            assertThat(particles.primaryOfficialName()).isEqualTo("颗粒物(PM10),细颗粒物(PM2.5)");
            assertThat(particles.primaryLabel()).isEqualTo("PM10+PM2.5");
        }

        @Test
        void officialNames() {
            assertThat(AqiItem.SO2.officialName()).isEqualTo("二氧化硫");
            assertThat(AqiItem.NO2.officialName()).isEqualTo("二氧化氮");
            assertThat(AqiItem.CO.officialName()).isEqualTo("一氧化碳");
            assertThat(AqiItem.O3_1H.officialName()).isEqualTo("臭氧1小时");
            assertThat(AqiItem.O3_8H.officialName()).isEqualTo("臭氧8小时");
            assertThat(AqiItem.PM10.officialName()).isEqualTo("颗粒物(PM10)");
            assertThat(AqiItem.PM25.officialName()).isEqualTo("细颗粒物(PM2.5)");
        }

        @Test
        void exceedingPollutantsAreListedUnder2012Only() {
            HourlyConcentrations c = hour(5, 250, 0.3, 20, 200, 160);
            assertThat(Aqi.hourly(HJ2012, c).exceeding()).containsExactly(AqiItem.NO2, AqiItem.PM10, AqiItem.PM25);
            assertThat(Aqi.hourly(HJ2026, c).exceeding()).isEmpty();
        }
    }

    @Nested
    class MissingItems {

        private final HourlyConcentrations noNo2 = hour(5, Double.NaN, 0.3, 20, 20, 60);

        @Test
        void the2012TextGivesNa() {
            AqiResult r = Aqi.hourly(HJ2012, noNo2);
            assertThat(r.hasAqi()).isFalse();
            assertThat(r.aqi()).isEqualTo(AqiResult.MISSING);
            assertThat(r.level()).isNull();
            assertThat(r.primary()).isEmpty();
            assertThat(r.subIndex(AqiItem.PM25)).isEqualTo(82);
            assertThat(r.subIndex(AqiItem.NO2)).isEqualTo(AqiResult.MISSING);
        }

        @Test
        void thePlatformComputesFromThePollutantsPresent() {
            assertThat(Aqi.hourly(CNEMC, noNo2).aqi()).isEqualTo(82);
        }

        @Test
        void the2026TextPublishesTheAqiOnlyAbove100() {
            AqiResult hundred = Aqi.hourly(HJ2026, noNo2);  // PM2.5 60 → 100
            assertThat(hundred.hasAqi()).isFalse();
            assertThat(hundred.subIndex(AqiItem.PM25)).isEqualTo(100);
            AqiResult above = Aqi.hourly(HJ2026, hour(5, Double.NaN, 0.3, 20, 20, 70)); // 100 + 50 × 10/55 → 110
            assertThat(above.aqi()).isEqualTo(110);
            assertThat(above.primary()).containsExactly(AqiItem.PM25);
        }

        @Test
        void nothingMeasuredIsNaEverywhere() {
            HourlyConcentrations none = hour(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            for (AqiRuleSet rules : AqiRuleSet.values()) {
                assertThat(Aqi.hourly(rules, none).hasAqi()).as(rules.id()).isFalse();
            }
        }
    }
}
