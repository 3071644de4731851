package org.envhub.platform.sources.board;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Pollution sources at a glance, for the command centre (总览), within what the user may see.
 *
 * @param enterprises     enterprises
 * @param devices         devices at monitoring points, disabled ones excluded
 * @param online          of them, online now (data within the missing-data time)
 * @param offline         devices − online
 * @param pending         devices registered from their first frame, awaiting approval (seen by the bureau only)
 * @param openAlarms      alarms not yet closed
 * @param openAlarmsByKind the same by kind (HOURLY_EXCEEDANCE, MISSING_DATA, …)
 * @param onlineRateToday 联网率 of today (Beijing): points whose device sent data today / points; null without points
 * @param lastDataAt      when data last arrived (Beijing time)
 * @param lastDataTime    the newest DataTime of the data (Beijing time): the day the data is about, which for replayed
 *                        or late data is not the day it arrived
 */
public record SourcesSummary(int enterprises, int devices, int online, int offline, int pending, long openAlarms,
                             Map<String, Long> openAlarmsByKind, Double onlineRateToday, OffsetDateTime lastDataAt,
                             OffsetDateTime lastDataTime) {
}
