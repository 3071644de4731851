package org.envhub.hj212;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Joins the pieces of a split packet (PNUM/PNO).
 *
 * <p>The standard says a packet whose data exceeds the frame size is sent as PNUM pieces numbered PNO,
 * each a whole packet with its own {@code CP=&&…&&}. envhub takes the pieces as split between CP items
 * (what loggers do: each piece repeats DataTime and carries some factors), so the pieces' CP items are
 * read in PNO order into one CP: a DataTime repeated identically is not a deviation, the factors are
 * merged as if sent in one packet. [OPEN] a device splitting inside an item would show up as
 * MALFORMED_ITEM deviations on its pieces.
 */
public final class SplitPackets {

    private SplitPackets() {
    }

    /** The grouping key of a piece: same MN, CN, QN and PNUM. */
    public static String key(Hj212Packet p) {
        return p.mn() + '\u0000' + p.cn() + '\u0000' + p.qn() + '\u0000' + p.pnum();
    }

    /**
     * Merges complete pieces (one per PNO, any order) into one packet: the header of piece 1 without
     * PNUM/PNO and with the D bit cleared, the CPs joined, all raw frames in PNO order, the deviations
     * of every piece.
     */
    public static InboundPacket merge(List<InboundPacket> pieces, boolean hadDuplicates) {
        List<InboundPacket> sorted = new ArrayList<>(pieces);
        sorted.sort(Comparator.comparing(p -> p.packet().pno()));
        Deviations dev = new Deviations();
        Cp.Assembler cp = new Cp.Assembler(dev);
        List<RawFrame> frames = new ArrayList<>(sorted.size());
        Charset charset = StandardCharsets.ISO_8859_1;
        for (InboundPacket piece : sorted) {
            dev.addAll(piece.deviations());
            frames.addAll(piece.frames());
            if (piece.charset() != StandardCharsets.ISO_8859_1) {
                charset = piece.charset();
            }
            for (Map.Entry<String, String> e : piece.packet().cp().params().entrySet()) {
                cp.param(e.getKey(), e.getValue(), true);
            }
            for (Factor f : piece.packet().cp().factors()) {
                cp.factor(f);
            }
        }
        if (hadDuplicates) {
            dev.add(Deviation.DUPLICATE_SPLIT_PIECE);
        }
        Hj212Packet first = sorted.get(0).packet();
        Hj212Packet merged = first.toBuilder().pnum(null).pno(null)
                .flag(first.flag() == null ? null : first.flag().withSplit(false)).cp(cp.build()).build();
        return new InboundPacket(merged, frames, dev.asSet(), charset);
    }
}
