package org.envhub.hj212;

import java.util.List;

/**
 * A split packet (PNUM/PNO) whose pieces did not all arrive before the timeout, the connection closed,
 * or too many were pending. The pieces that did arrive are handed over, so nothing is lost silently.
 */
public record IncompleteSplitPacket(String mn, String cn, String qn, int pnum, List<InboundPacket> received,
                                    String reason) implements Hj212Inbound {
    public IncompleteSplitPacket {
        received = List.copyOf(received);
    }

    /** The PNO values that arrived, in order. */
    public List<Integer> receivedPieces() {
        return received.stream().map(p -> p.packet().pno()).sorted().toList();
    }
}
