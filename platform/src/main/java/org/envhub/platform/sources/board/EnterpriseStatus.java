package org.envhub.platform.sources.board;

import java.time.OffsetDateTime;

/**
 * An enterprise in the list of 污染源: its devices online now and its unfinished alarms.
 *
 * @param devices    devices at its monitoring points, disabled ones excluded
 * @param online     of them, those whose data arrived within the missing-data time
 * @param status     online (every device online), partial (some), offline (none), none (no device)
 * @param openAlarms alarms not yet closed (open, acknowledged or verified)
 * @param lastDataAt when data last arrived from any of its devices (Beijing time)
 */
public record EnterpriseStatus(long id, String name, String creditCode, Long districtId, String district, String industry, int devices,
                               int online, int offline, String status, int openAlarms, OffsetDateTime lastDataAt) {
}
