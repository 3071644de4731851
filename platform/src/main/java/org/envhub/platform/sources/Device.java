package org.envhub.platform.sources;

/**
 * A data logger (数采仪), known by its MN, with its access password (PW) and the monitoring point it
 * reports for (null while pending approval).
 */
public record Device(String mn, Long pointId, String password, DeviceStatus status) {
}
