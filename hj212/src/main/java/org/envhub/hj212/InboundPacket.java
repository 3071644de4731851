package org.envhub.hj212;

import java.nio.charset.Charset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A packet taken from the wire: its content, the raw frame(s) it came from (several when split packets
 * were reassembled, in PNO order), every deviation recorded on the way, and the charset its text was read
 * in (ISO-8859-1 for pure ASCII, else UTF-8 when the bytes are valid UTF-8, else GBK).
 */
public record InboundPacket(Hj212Packet packet, List<RawFrame> frames, Set<Deviation> deviations, Charset charset)
        implements Hj212Inbound {

    public InboundPacket {
        frames = List.copyOf(frames);
        deviations = deviations.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(deviations));
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a packet comes from at least one frame");
        }
    }

    /** The first (usually the only) raw frame. */
    public RawFrame frame() {
        return frames.get(0);
    }

    public boolean reassembled() {
        return frames.size() > 1;
    }

    public boolean has(Deviation d) {
        return deviations.contains(d);
    }
}
