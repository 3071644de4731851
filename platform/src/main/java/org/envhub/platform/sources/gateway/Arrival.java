package org.envhub.platform.sources.gateway;

import java.time.LocalDateTime;

import io.netty.channel.Channel;
import org.envhub.hj212.Hj212Inbound;

/**
 * What the gateway received on one connection, waiting to be stored: a packet, a rejected frame or an
 * incomplete split packet, when (UTC, and on the monotonic clock for the answer latency), from whom, and
 * the connection to answer on.
 */
public record Arrival(Hj212Inbound inbound, Channel channel, LocalDateTime receivedAt, long receivedNanos, String peer) {
}
