package org.envhub.platform.sources.registry;

/**
 * A data logger (数采仪) as registered or changed: its MN, access password (PW), protocol ({@code 2005} or
 * {@code 2017}), whether it is enabled (a disabled device's frames are refused), and the monitoring point it
 * reports for. Fields left null are not changed.
 */
public record DeviceForm(String mn, String password, String protocol, Boolean enabled, Long pointId) {
}
