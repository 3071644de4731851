package org.envhub.standards.air.stats;

import java.util.Objects;
import org.envhub.standards.air.AirQualityStandard;

/**
 * Settings of the composite index.
 *
 * @param limits               whose class-2 limits are the S_i: by default GB 3095-2012 (annual SO2 60,
 *                             NO2 40, PM10 70, PM2.5 35; CO 24h 4; O3 8h 160), as the 2018 ranking rule
 *                             fixes them. [OPEN] No revised ranking rule for GB 3095-2026 was found, so
 *                             the 2012 limits stay the default after 2026-03-01 too; name another
 *                             standard to rank against its limits.
 * @param weighting            {@link CompositeWeighting#EQUAL} by default
 * @param roundsConcentrations whether each C_i is first rounded as it is published (GB/T 8170, half to
 *                             even: integers, CO one decimal), so that the index is reproducible from
 *                             the bulletin's own figures. Default true.
 */
public record CompositeOptions(AirQualityStandard limits, CompositeWeighting weighting, boolean roundsConcentrations) {

    private static final CompositeOptions DEFAULTS = new CompositeOptions(AirQualityStandard.GB3095_2012, CompositeWeighting.EQUAL, true);

    public CompositeOptions {
        Objects.requireNonNull(limits);
        Objects.requireNonNull(weighting);
    }

    public static CompositeOptions defaults() { return DEFAULTS; }

    public CompositeOptions withLimits(AirQualityStandard standard) { return new CompositeOptions(standard, weighting, roundsConcentrations); }

    public CompositeOptions withWeighting(CompositeWeighting w) { return new CompositeOptions(limits, w, roundsConcentrations); }

    public CompositeOptions withRoundsConcentrations(boolean on) { return new CompositeOptions(limits, weighting, on); }
}
