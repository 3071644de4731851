package org.envhub.platform.sources.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code envhub.hj212.*} settings of the HJ 212 gateway (the port itself is {@code envhub.hj212-port}).
 *
 * @param enabled        start the gateway with {@code envhub serve}
 * @param bindAddress    the address to listen on
 * @param idleTimeout    a connection that sends nothing for this long is closed (loggers send at least
 *                       every few minutes; a dead one must not hold a connection slot for ever)
 * @param maxConnections connections beyond this are closed at once, so a flood cannot exhaust the server
 * @param autoRegister   an unknown MN is registered as pending approval and its data kept, instead of
 *                       its frames being rejected
 * @param batchSize      most packets committed in one transaction by a writer
 * @param writers        writer threads, each storing the devices whose MN hashes to it (their own connection
 *                       and transactions); 0 (the default) for 2 on PostgreSQL, where a second writer let the
 *                       database work on two batches at once (about 1.5 times the frames per second), and 1 on
 *                       H2, where it cost more than it gave (each commit rewrites the changed pages)
 * @param queueCapacity  packets waiting for the writer; when full, reading from the devices pauses
 * @param maxDataLength  the frame size cap (largest data segment in bytes)
 * @param splitTimeout   how long the pieces of a split packet (PNUM/PNO) are waited for
 */
@ConfigurationProperties("envhub.hj212")
public record GatewayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("5m") Duration idleTimeout,
        @DefaultValue("20000") int maxConnections,
        @DefaultValue("false") boolean autoRegister,
        @DefaultValue("2000") int batchSize,
        @DefaultValue("0") int writers,
        @DefaultValue("50000") int queueCapacity,
        @DefaultValue("9999") int maxDataLength,
        @DefaultValue("30s") Duration splitTimeout) {

    public GatewayProperties {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("envhub.hj212.max-connections must be at least 1, got " + maxConnections);
        }
        if (batchSize < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("envhub.hj212.batch-size and queue-capacity must be at least 1");
        }
        if (writers < 0 || writers > 64) {
            throw new IllegalArgumentException("envhub.hj212.writers must be 0 (automatic) to 64, got " + writers);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("envhub.hj212.idle-timeout must not be negative");
        }
    }
}
