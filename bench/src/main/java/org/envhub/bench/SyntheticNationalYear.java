package org.envhub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.envhub.standards.air.Aqi;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.HourlyConcentrations;
import org.envhub.standards.air.Station;

/**
 * Writes a year of realistic hourly data for a list of stations, as CNEMC daily files
 * ({@code china_sites_YYYYMMDD.csv}, all 15 types), so that benchmarks read the same shape of input as
 * the real network publishes.
 *
 * <p>Values follow the seasons and the hours: particulates high in winter nights, ozone high on summer
 * afternoons, NO2 with rush hours, each city at its own level, with persistence from hour to hour.
 * Gaps: about 1.5% of station-hours missing at random, plus outages of 3–30 hours on about 1% of
 * station-days. The AQI column is computed with {@code cnemc}; the moving columns are within-day
 * running means, present only to give the files their real size (benchmarks must not check them).
 *
 * <p>Each (station, day) has its own seed, so days are generated in parallel and the output is the same
 * for the same seed.
 */
public final class SyntheticNationalYear {

    private static final String[] TYPES = {"AQI", "PM2.5", "PM2.5_24h", "PM10", "PM10_24h", "SO2", "SO2_24h",
            "NO2", "NO2_24h", "O3", "O3_24h", "O3_8h", "O3_8h_24h", "CO", "CO_24h"};
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final List<Station> stations;
    private final long seed;

    public SyntheticNationalYear(List<Station> stations, long seed) {
        this.stations = List.copyOf(stations);
        this.seed = seed;
    }

    /**
     * Writes the files for every day of {@code year}, plus 1 January of the next year (whose hour 0
     * closes the last natural day), into {@code dir}, unless a complete set is there already.
     *
     * @return the files, in date order
     */
    public List<Path> writeYear(int year, Path dir) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear() + 1;
        Path marker = dir.resolve(".complete-" + year + "-" + seed + "-" + stations.size());
        List<Path> files = IntStream.range(0, days).mapToObj(d -> dir.resolve(fileName(first.plusDays(d)))).toList();
        if (Files.exists(marker)) {
            return files;
        }
        try {
            Files.createDirectories(dir);
            IntStream.range(0, days).parallel().forEach(d -> writeDay(first.plusDays(d), files.get(d)));
            Files.writeString(marker, "complete\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static String fileName(LocalDate day) {
        return "china_sites_" + DAY.format(day) + ".csv";
    }

    void writeDay(LocalDate day, Path file) {
        int n = stations.size();
        // [type][station][hour]; NaN for a missing value
        double[][][] values = new double[TYPES.length][n][24];
        for (int s = 0; s < n; s++) {
            fillStationDay(day, s, values);
        }
        StringBuilder sb = new StringBuilder(2_400_000);
        sb.append("date,hour,type");
        for (Station st : stations) {
            sb.append(',').append(st.code());
        }
        sb.append('\n');
        String date = DAY.format(day);
        for (int h = 0; h < 24; h++) {
            for (int t = 0; t < TYPES.length; t++) {
                sb.append(date).append(',').append(h).append(',').append(TYPES[t]);
                boolean co = TYPES[t].startsWith("CO");
                for (int s = 0; s < n; s++) {
                    sb.append(',');
                    double v = values[t][s][h];
                    if (!Double.isNaN(v)) {
                        if (co) {
                            long tenths = Math.round(v * 10);
                            sb.append(tenths / 10).append('.').append(tenths % 10);
                        } else {
                            sb.append(Math.round(v));
                        }
                    }
                }
                sb.append('\n');
            }
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    private void fillStationDay(LocalDate day, int s, double[][][] out) {
        Station station = stations.get(s);
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + station.code().hashCode() * 31L + day.toEpochDay());
        SplittableRandom cityRandom = new SplittableRandom(seed + station.city().hashCode());
        double cityLevel = 0.6 + cityRandom.nextDouble() * 1.0;
        double season = Math.cos(2 * Math.PI * (day.getDayOfYear() - 15) / 365.0); // 1 in mid-January, -1 in July
        double pmBase = cityLevel * (45 + 30 * season) * (0.6 + 0.8 * random.nextDouble());
        double so2Base = cityLevel * (9 + 5 * season);
        double no2Base = cityLevel * (30 + 8 * season);
        double coBase = cityLevel * (0.7 + 0.3 * season);
        double o3Peak = 70 + 70 * (1 - season) / 2 * (0.7 + 0.6 * random.nextDouble()) + 40 * (1 - season) / 2;

        boolean outage = random.nextDouble() < 0.01;
        int outageStart = random.nextInt(24);
        int outageLength = 3 + random.nextInt(28);

        double ar = 0;
        double sumPm25 = 0, sumPm10 = 0, sumSo2 = 0, sumNo2 = 0, sumCo = 0, maxO3 = 0, sumO3 = 0;
        for (int h = 0; h < 24; h++) {
            boolean missing = random.nextDouble() < 0.015 || (outage && h >= outageStart && h < outageStart + outageLength);
            ar = 0.85 * ar + 0.15 * random.nextGaussian();
            double night = Math.cos(2 * Math.PI * (h - 2) / 24.0); // high at night for PM and CO
            double rush = Math.exp(-Math.pow(h - 8, 2) / 4) + Math.exp(-Math.pow(h - 19, 2) / 6);
            double sun = Math.max(0, Math.sin(Math.PI * (h - 7) / 12.0));
            double pm25 = Math.max(2, pmBase * (1 + 0.25 * night) * Math.exp(0.6 * ar));
            double pm10 = Math.max(pm25 + 1, pm25 * (1.4 + 0.4 * random.nextDouble()));
            double so2 = Math.max(1, so2Base * (1 + 0.3 * rush) * Math.exp(0.3 * random.nextGaussian()));
            double no2 = Math.max(1, no2Base * (0.7 + 0.8 * rush) * Math.exp(0.25 * random.nextGaussian()));
            double co = Math.max(0.1, coBase * (1 + 0.2 * night) * Math.exp(0.2 * ar));
            double o3 = Math.max(1, 8 + o3Peak * sun * Math.exp(0.15 * random.nextGaussian()));
            if (missing) {
                for (double[][] type : out) {
                    type[s][h] = Double.NaN;
                }
                continue;
            }
            sumPm25 += pm25; sumPm10 += pm10; sumSo2 += so2; sumNo2 += no2; sumCo += co; sumO3 += o3;
            maxO3 = Math.max(maxO3, o3);
            int k = h + 1;
            int aqi = Aqi.hourly(AqiRuleSet.CNEMC, HourlyConcentrations.of(Math.round(so2), Math.round(no2),
                    Math.round(co * 10) / 10.0, Math.round(o3), Math.round(pm10), Math.round(pm25))).aqi();
            double[] row = {aqi, pm25, sumPm25 / k, pm10, sumPm10 / k, so2, sumSo2 / k, no2, sumNo2 / k,
                    o3, maxO3, sumO3 / k, maxO3, co, sumCo / k};
            for (int t = 0; t < row.length; t++) {
                out[t][s][h] = row[t];
            }
        }
    }
}
