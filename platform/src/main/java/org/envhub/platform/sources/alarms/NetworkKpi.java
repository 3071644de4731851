package org.envhub.platform.sources.alarms;

/**
 * Network KPIs of an enterprise or a district for a period (see {@link NetworkKpis} for the formulas).
 *
 * @param points         monitoring points with an approved device (应联网点位)
 * @param online         of them, points whose device sent data in the period (实际联网点位)
 * @param onlineRate     联网率 = online / points
 * @param expectedHours  hourly values due: points × hours in the period (应传输)
 * @param receivedHours  hourly data packets (CN 2061) received for the period (实际传输)
 * @param validHours     of them, those with no factor flagged abnormal (有效)
 * @param transmissionRate          传输率 = received / expected
 * @param validRate                 有效率 = valid / received
 * @param effectiveTransmissionRate 有效传输率 = 传输率 × 有效率 = valid / expected
 */
public record NetworkKpi(Long id, String name, int points, int online, Double onlineRate, long expectedHours, long receivedHours,
                         long validHours, Double transmissionRate, Double validRate, Double effectiveTransmissionRate) {
}
