package org.envhub.hj212;

/**
 * The header {@code Flag}: bits V5..V0 D A.
 *
 * <ul>
 *   <li>A (bit 0): the sender wants an answer (应答).</li>
 *   <li>D (bit 1): the packet is split and PNUM/PNO follow (拆分包).</li>
 *   <li>V (bits 2..7): protocol version; 0 is 2005, 1 is 2017 (Flag 4/5), 2 is seen from newer devices (Flag 8/9).</li>
 * </ul>
 */
public record PacketFlag(int value) {

    public static final int VERSION_2005 = 0;
    public static final int VERSION_2017 = 1;

    public PacketFlag {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("Flag is one byte: " + value);
        }
    }

    public static PacketFlag of(int version, boolean split, boolean answerWanted) {
        if (version < 0 || version > 63) {
            throw new IllegalArgumentException("version is 6 bits: " + version);
        }
        return new PacketFlag(version << 2 | (split ? 2 : 0) | (answerWanted ? 1 : 0));
    }

    public boolean answerWanted() {
        return (value & 1) != 0;
    }

    public boolean split() {
        return (value & 2) != 0;
    }

    public int version() {
        return value >>> 2;
    }

    public PacketFlag withSplit(boolean split) {
        return new PacketFlag(split ? value | 2 : value & ~2);
    }

    public PacketFlag withAnswerWanted(boolean answer) {
        return new PacketFlag(answer ? value | 1 : value & ~1);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
