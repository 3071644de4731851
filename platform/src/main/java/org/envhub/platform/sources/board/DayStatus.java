package org.envhub.platform.sources.board;

import java.time.LocalDate;

/**
 * One day of an enterprise's compliance strip (达标情况).
 *
 * @param status      exceedance (超标: an hourly or daily average over the limit in force), missing (缺失: data, but
 *                    fewer hourly values than due), compliant (达标: every hourly value due, none over), nodata
 *                    (无数据: no data packet at all); exceedance wins over missing
 * @param hours       hourly data packets (CN 2061) received for the day
 * @param due         hourly values due: points with a device × the hours of the day (so far, for today)
 * @param exceedances hourly and daily averages over their limit
 */
public record DayStatus(LocalDate day, String status, int hours, int due, int exceedances) {
}
