package org.envhub.standards.io;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.envhub.standards.air.HourlyGrid;

/**
 * What {@link CnemcHourlyReader} read: the 1h concentrations of the six pollutants on one grid, the
 * official columns the caller asked to keep (on the same grid: {@code [series][hour]}), and the report.
 */
public final class CnemcHourlyData {

    private final HourlyGrid grid;
    private final Map<OfficialColumn, double[][]> official;
    private final ReadReport report;

    CnemcHourlyData(HourlyGrid grid, Map<OfficialColumn, double[][]> official, ReadReport report) {
        this.grid = grid;
        this.official = Collections.unmodifiableMap(new EnumMap<>(official));
        this.report = report;
    }

    /** The 1h concentrations; series are station codes, sorted. */
    public HourlyGrid grid() { return grid; }

    public ReadReport report() { return report; }

    /** The official columns kept. */
    public Set<OfficialColumn> kept() { return official.keySet(); }

    public boolean has(OfficialColumn column) { return official.containsKey(column); }

    /**
     * The published values of one column, {@code [series][hour]} on the grid, NaN where none.
     *
     * @throws IllegalStateException if the column was not asked for when reading
     */
    public double[][] official(OfficialColumn column) {
        double[][] values = official.get(column);
        if (values == null) {
            throw new IllegalStateException(column.label() + " was not kept; ask the reader for it");
        }
        return values;
    }

    /** The published values of one column for one station, or {@code null} if the station is not in the grid. */
    public double[] official(OfficialColumn column, String station) {
        int s = grid.seriesIndex(station);
        return s < 0 ? null : official(column)[s];
    }
}
