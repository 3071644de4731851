package org.envhub.standards.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.envhub.standards.air.AqiResult;
import org.junit.jupiter.api.Test;

class PublishedHourReaderTest {

    private static final String HEADER = "timepoint,stationcode,longitude,latitude,area,positionname,primarypollutant,aqi,pm10,pm10_24h,pm2_5,pm2_5_24h,o3,o3_24h,o3_8h,o3_8h_24h,no2,no2_24h,so2,so2_24h,co,co_24h";

    @Test
    void bothTimepointFormatsAndQuotedTiesAreRead() {
        ReadReport report = new ReadReport();
        List<PublishedHour> rows = PublishedHourReader.read(List.of(HEADER,
                "2023-12-31T1000,2568A,102.2502,31.8896,阿坝藏族羌族自治州,马师校,,18,,10,12,13,33,,30,30,16,17,2,2,0.5,0.5",
                "2023-07-15T15:00:00,1178A,117.1918,34.2384,徐州市,淮塔,\"颗粒物(PM10),臭氧1小时\",52,53,84,4,30,161,177,122,122,8,12,11,11,0.5,0.6"),
                "p.csv", report);
        assertThat(report.problems()).isEmpty();
        assertThat(rows).hasSize(2);
        PublishedHour winter = rows.get(0);
        assertThat(winter.hour()).isEqualTo(LocalDateTime.of(2023, 12, 31, 10, 0));
        assertThat(winter.pm10()).isNaN();
        assertThat(winter.o3Max24h()).isNaN();
        assertThat(winter.primaryPollutant()).isEmpty();
        assertThat(winter.aqi()).isEqualTo(18);
        PublishedHour summer = rows.get(1);
        assertThat(summer.hour()).isEqualTo(LocalDateTime.of(2023, 7, 15, 15, 0));
        assertThat(summer.primaryPollutant()).isEqualTo("颗粒物(PM10),臭氧1小时");
        assertThat(summer.o3()).isEqualTo(161);
        assertThat(summer.o3Max24h()).isEqualTo(177);
        assertThat(summer.co()).isEqualTo(0.5);
        assertThat(summer.concentrations().pm10Moving24h()).isEqualTo(84);
    }

    @Test
    void swappedO3ColumnsAreNoticedAndReadTheRightWayRound() {
        ReadReport report = new ReadReport();
        List<PublishedHour> rows = PublishedHourReader.read(List.of(HEADER,
                "2023-07-15T15:00:00,1001A,1,1,a,b,,32,12,14,6,7,124,101,106,106,4,10,3,3,0.4,0.4",
                "2023-07-15T15:00:00,1002A,1,1,a,b,,30,9,13,5,7,119,119,106,101,2,3,1,2,0.3,0.3"),
                "swapped.csv", report);
        assertThat(rows.get(0).o3()).isEqualTo(101);
        assertThat(rows.get(0).o3Max24h()).isEqualTo(124);
        assertThat(report.problems()).singleElement().asString()
                .isEqualTo("swapped.csv: o3 and o3_24h are swapped (o3 exceeds the 24-hour maximum o3_24h); read as swapped");
    }

    @Test
    void oneRowAboveAndOneBelowMeansTheColumnsAreAsLabelled() {
        ReadReport report = new ReadReport();
        List<PublishedHour> rows = PublishedHourReader.read(List.of(HEADER,
                "2023-07-15T15:00:00,1001A,1,1,a,b,,32,12,14,6,7,124,101,106,106,4,10,3,3,0.4,0.4",
                "2023-07-15T15:00:00,1002A,1,1,a,b,,30,9,13,5,7,90,119,106,101,2,3,1,2,0.3,0.3"),
                "mixed.csv", report);
        assertThat(rows.get(0).o3()).isEqualTo(124);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void badRowsAreReported() {
        ReadReport report = new ReadReport();
        List<PublishedHour> rows = PublishedHourReader.read(List.of(HEADER,
                "yesterday,1001A,1,1,a,b,,32,12,14,6,7,124,101,106,106,4,10,3,3,0.4,0.4",
                "2023-07-15T15:00:00,1002A,1,1,a,b,,—,9,13,5,7,x,119,106,101,2,3,1,2,0.3,0.3",
                "2023-07-15T15:00:00,1003A,1"),
                "bad.csv", report);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.aqi()).isEqualTo(AqiResult.MISSING);
            assertThat(r.o3()).isNaN();
        });
        assertThat(report.problems()).extracting(ReadProblem::toString).containsExactly(
                "bad.csv:2: timepoint 'yesterday' is not a date and hour; row skipped",
                "bad.csv:3: station 1002A: o3 'x' is not a number; left missing",
                "bad.csv:4: row has 3 of 22 columns; row skipped");
    }

    @Test
    void timepoints() {
        assertThat(PublishedHourReader.timepoint("2023-12-31T1000")).isEqualTo(LocalDateTime.of(2023, 12, 31, 10, 0));
        assertThat(PublishedHourReader.timepoint("2023-07-15T15:00:00")).isEqualTo(LocalDateTime.of(2023, 7, 15, 15, 0));
        assertThat(PublishedHourReader.timepoint("2018-01-21T17:00:00Z")).isEqualTo(LocalDateTime.of(2018, 1, 21, 17, 0));
        assertThat(PublishedHourReader.timepoint("2023-07-15 15:00")).isEqualTo(LocalDateTime.of(2023, 7, 15, 15, 0));
        assertThat(PublishedHourReader.timepoint("2023-07-15T25:00")).isNull();
        assertThat(PublishedHourReader.timepoint("2023-07-15")).isNull();
    }
}
