package org.envhub.platform.air.cli;

import java.util.concurrent.Callable;

import org.envhub.platform.cli.ResultTable;
import org.envhub.standards.air.AqiItem;
import org.envhub.standards.air.AqiResult;
import org.envhub.standards.air.AqiRuleSet;
import org.envhub.standards.air.HourlyConcentrations;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.MovingValues;
import org.envhub.standards.air.Pollutant;
import org.envhub.standards.air.Aqi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code envhub air hourly}: the real-time AQI of every station-hour. */
@Command(name = "hourly", mixinStandardHelpOptions = true,
        description = "Hourly (real-time) AQI of each station-hour, with the individual indices and the primary pollutant(s).")
public class HourlyCommand implements Callable<Integer> {

    @Mixin
    AirOptions options;

    @Override
    public Integer call() {
        AirDataset data = AirDataset.load(options);
        HourlyGrid grid = data.grid;
        ResultTable table = new ResultTable("time", "station", "city", "aqi", "level", "primary",
                "so2_iaqi", "no2_iaqi", "co_iaqi", "o3_iaqi", "pm10_iaqi", "pm25_iaqi");
        for (int s : data.selectedStations()) {
            String code = grid.series().get(s);
            double[] so2 = grid.values(Pollutant.SO2, s), no2 = grid.values(Pollutant.NO2, s), co = grid.values(Pollutant.CO, s);
            double[] o3 = grid.values(Pollutant.O3, s), pm10 = grid.values(Pollutant.PM10, s), pm25 = grid.values(Pollutant.PM25, s);
            double[][] moving = null; // SO2, PM10, PM2.5 24h moving means, only HJ 633-2012 reads them
            for (int h = 0; h < grid.hours(); h++) {
                if (Double.isNaN(so2[h]) && Double.isNaN(no2[h]) && Double.isNaN(co[h])
                        && Double.isNaN(o3[h]) && Double.isNaN(pm10[h]) && Double.isNaN(pm25[h])) {
                    continue;
                }
                AqiRuleSet rules = data.rules.forHour(grid.hourAt(h));
                if (rules.hourlyPmFromMovingMean() && moving == null) {
                    moving = new double[][] {MovingValues.mean24h(so2), MovingValues.mean24h(pm10), MovingValues.mean24h(pm25)};
                }
                HourlyConcentrations c = moving == null
                        ? HourlyConcentrations.of(so2[h], no2[h], co[h], o3[h], pm10[h], pm25[h])
                        : new HourlyConcentrations(so2[h], no2[h], co[h], o3[h], pm10[h], pm25[h], moving[0][h], moving[1][h], moving[2][h]);
                AqiResult r = Aqi.hourly(rules, c);
                table.add(grid.hourAt(h).toString(), code, data.cityOf(code),
                        ResultTable.integerOrNull(r.aqi()), r.hasAqi() ? r.level().category() : null, r.primaryLabel(),
                        sub(r, AqiItem.SO2), sub(r, AqiItem.NO2), sub(r, AqiItem.CO), sub(r, AqiItem.O3_1H),
                        sub(r, AqiItem.PM10), sub(r, AqiItem.PM25));
            }
        }
        table.print(options.format, System.out);
        return data.finish(System.err);
    }

    private static Integer sub(AqiResult r, AqiItem item) {
        return ResultTable.integerOrNull(r.subIndex(item));
    }
}
