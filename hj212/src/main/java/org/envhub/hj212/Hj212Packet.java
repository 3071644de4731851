package org.envhub.hj212;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The content of one HJ 212 packet: {@code QN=…;ST=…;CN=…;PW=…;MN=…;Flag=…;[PNUM=…;PNO=…;]CP=&&…&&}.
 *
 * <p>Any header field may be null where real devices leave it out (2005 packets often have no QN and no
 * Flag); CN and MN are always present in a decoded packet. Equality is by content only, so an encoded and
 * re-decoded packet equals the original.
 *
 * @param qn request number (请求编码), yyyyMMddHHmmssSSS
 * @param st system code (系统编码): 31 flue gas, 32 waste water, 22 ambient air, 91 system interaction, …
 *           null when missing or blank
 * @param cn command code (命令编码): 2011 real-time data, 2051 minute, 2061 hour, 2031 day, 9014 data answer, …
 * @param pw access password (访问密码)
 * @param mn device number (设备唯一标识, MN)
 * @param flag the Flag byte, or null when not sent
 * @param pnum total number of pieces of a split packet (总包数), or null
 * @param pno number of this piece, 1-based (包号), or null
 * @param headerExtras header fields outside the standard, in the order sent
 * @param cp the command parameters
 */
public record Hj212Packet(String qn, String st, String cn, String pw, String mn, PacketFlag flag, Integer pnum,
                          Integer pno, Map<String, String> headerExtras, Cp cp) {

    public Hj212Packet {
        headerExtras = headerExtras == null || headerExtras.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headerExtras));
        cp = cp == null ? Cp.empty() : cp;
    }

    /** The A bit: the sender wants an answer. */
    public boolean answerWanted() {
        return flag != null && flag.answerWanted();
    }

    /** A piece of a split packet (valid PNUM and PNO). */
    public boolean split() {
        return pnum != null && pno != null;
    }

    /** Protocol version from Flag: 0 (2005, or no Flag), 1 (2017), 2 (newer devices, Flag 8/9). */
    public int version() {
        return flag == null ? PacketFlag.VERSION_2005 : flag.version();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().qn(qn).st(st).cn(cn).pw(pw).mn(mn).flag(flag).pnum(pnum).pno(pno).cp(cp);
        b.extras.putAll(headerExtras);
        return b;
    }

    public static final class Builder {
        private String qn;
        private String st;
        private String cn;
        private String pw;
        private String mn;
        private PacketFlag flag;
        private Integer pnum;
        private Integer pno;
        private final LinkedHashMap<String, String> extras = new LinkedHashMap<>();
        private Cp cp = Cp.empty();

        public Builder qn(String v) {
            qn = v;
            return this;
        }

        public Builder st(String v) {
            st = v;
            return this;
        }

        public Builder cn(String v) {
            cn = v;
            return this;
        }

        public Builder pw(String v) {
            pw = v;
            return this;
        }

        public Builder mn(String v) {
            mn = v;
            return this;
        }

        public Builder flag(PacketFlag v) {
            flag = v;
            return this;
        }

        public Builder flag(int v) {
            return flag(new PacketFlag(v));
        }

        public Builder pnum(Integer v) {
            pnum = v;
            return this;
        }

        public Builder pno(Integer v) {
            pno = v;
            return this;
        }

        public Builder headerExtra(String key, String value) {
            extras.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public Builder cp(Cp v) {
            cp = v;
            return this;
        }

        public Hj212Packet build() {
            return new Hj212Packet(qn, st, cn, pw, mn, flag, pnum, pno, extras, cp);
        }
    }
}
