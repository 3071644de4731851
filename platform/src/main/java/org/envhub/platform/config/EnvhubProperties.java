package org.envhub.platform.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code envhub.*} settings of application.yml; each can be overridden by an ENVHUB_* variable
 * (e.g. ENVHUB_ADMIN_PASSWORD for {@code envhub.admin-password}).
 *
 * @param dataDir       where the embedded database (and uploads) live
 * @param adminPassword password of the {@code admin} account created on first start; generated when empty
 * @param demoData      load the shipped CNEMC demo data on first start
 * @param hj212Port     TCP port reserved for the HJ 212 gateway
 */
@ConfigurationProperties("envhub")
public record EnvhubProperties(Path dataDir, String adminPassword, boolean demoData, int hj212Port) {
}
