package org.envhub.platform.air.cli;

import java.util.concurrent.Callable;

import org.envhub.platform.cli.ResultTable;
import org.envhub.standards.air.HourlyGrid;
import org.envhub.standards.air.MovingValues;
import org.envhub.standards.air.Pollutant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code envhub air rolling}: the moving values the national platform publishes with each hour. */
@Command(name = "rolling", mixinStandardHelpOptions = true,
        description = {"Moving values of each station-hour, as the national platform publishes them: the 24h means, "
                + "the O3 24h max, the O3 8h mean cut at the start of the natural day, and its running max since the day start."})
public class RollingCommand implements Callable<Integer> {

    @Mixin
    AirOptions options;

    @Override
    public Integer call() {
        AirDataset data = AirDataset.load(options);
        HourlyGrid grid = data.grid;
        ResultTable table = new ResultTable("time", "station", "pm25_24h", "pm10_24h", "so2_24h", "no2_24h", "co_24h",
                "o3_24h", "o3_8h", "o3_8h_24h");
        for (int s : data.selectedStations()) {
            String code = grid.series().get(s);
            double[] o3 = grid.values(Pollutant.O3, s);
            double[][] columns = {
                    MovingValues.mean24h(grid.values(Pollutant.PM25, s)), MovingValues.mean24h(grid.values(Pollutant.PM10, s)),
                    MovingValues.mean24h(grid.values(Pollutant.SO2, s)), MovingValues.mean24h(grid.values(Pollutant.NO2, s)),
                    MovingValues.mean24h(grid.values(Pollutant.CO, s)), MovingValues.o3Max24h(o3),
                    MovingValues.o3Mean8h(o3, grid.firstHour()), MovingValues.o3Max8hOfDay(o3, grid.firstHour())};
            int[] decimals = {0, 0, 0, 0, 1, 0, 0, 0};
            for (int h = 0; h < grid.hours(); h++) {
                Object[] row = new Object[2 + columns.length];
                row[0] = grid.hourAt(h).toString();
                row[1] = code;
                boolean any = false;
                for (int c = 0; c < columns.length; c++) {
                    // Published rounded half to even, as the national platform does (see MovingValues).
                    row[2 + c] = ResultTable.fixed(columns[c][h], decimals[c]);
                    any |= row[2 + c] != null;
                }
                if (any) {
                    table.add(row);
                }
            }
        }
        table.print(options.format, System.out);
        return data.finish(System.err);
    }
}
