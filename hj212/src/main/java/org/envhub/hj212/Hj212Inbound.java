package org.envhub.hj212;

/**
 * What the decoding pipeline hands to the application: a packet, a rejected frame, or a split packet
 * that never completed. Switch on it:
 *
 * <pre>{@code
 * switch (inbound) {
 *     case InboundPacket p -> store(p);
 *     case RejectedFrame r -> storeRejected(r);
 *     case IncompleteSplitPacket i -> storeIncomplete(i);
 * }
 * }</pre>
 */
public sealed interface Hj212Inbound permits InboundPacket, RejectedFrame, IncompleteSplitPacket {
}
