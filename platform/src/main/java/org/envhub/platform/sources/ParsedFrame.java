package org.envhub.platform.sources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.envhub.hj212.Factor;
import org.envhub.hj212.FactorField;
import org.envhub.hj212.Hj212Inbound;
import org.envhub.hj212.Hj212Packet;
import org.envhub.hj212.Hj212Parser;
import org.envhub.hj212.InboundPacket;
import org.envhub.hj212.RawFrame;
import org.envhub.hj212.RejectedFrame;
import org.envhub.hj212.codes.PollutantCode;
import org.envhub.hj212.codes.PollutantCodes;

/**
 * A stored raw frame read again by the codec, for the frame viewer (原始报文): the header fields, the CP
 * parameters and each factor's fields, with the pollutant's name and unit from the code table. The stored
 * outcome is what the gateway decided when it came; this is only the reading of its bytes.
 *
 * @param header  QN, ST, CN, PW, MN, Flag, PNUM, PNO as sent (absent ones left out), and any other header field
 * @param params  CP parameters other than the factors' (DataTime, …)
 * @param factors each factor: code, name, unit, and its fields by their wire names (Rtd, Avg, Flag, …)
 * @param error   why the bytes could not be read as a packet (then the rest is empty)
 */
public record ParsedFrame(Map<String, String> header, Integer version, Map<String, String> params, List<FactorFields> factors, String error) {

    public record FactorFields(String code, String name, String unit, Map<String, String> fields) {}

    private static final PollutantCodes CODES = PollutantCodes.standard();

    public static ParsedFrame of(byte[] raw) {
        if (raw.length < RawFrame.HEADER_BYTES + RawFrame.CHECK_BYTES || raw[0] != '#' || raw[1] != '#') {
            return failed("not a frame: it does not start with ## and a length");
        }
        int declared;
        try {
            declared = Integer.parseInt(new String(raw, 2, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            declared = raw.length - RawFrame.HEADER_BYTES - RawFrame.CHECK_BYTES;
        }
        Hj212Inbound in;
        try {
            in = new Hj212Parser().parse(RawFrame.of(raw, declared, Set.of()));
        } catch (RuntimeException e) {
            return failed("cannot be read: " + e.getMessage());
        }
        if (in instanceof RejectedFrame r) {
            return failed(r.reason() + (r.detail() == null ? "" : ": " + r.detail()));
        }
        Hj212Packet p = ((InboundPacket) in).packet();
        Map<String, String> header = new LinkedHashMap<>();
        put(header, "QN", p.qn());
        put(header, "ST", p.st());
        put(header, "CN", p.cn());
        put(header, "PW", p.pw());
        put(header, "MN", p.mn());
        put(header, "Flag", p.flag() == null ? null : Integer.toString(p.flag().value()));
        put(header, "PNUM", p.pnum() == null ? null : p.pnum().toString());
        put(header, "PNO", p.pno() == null ? null : p.pno().toString());
        header.putAll(p.headerExtras());
        List<FactorFields> factors = new ArrayList<>();
        for (Factor f : p.cp().factors()) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<FactorField, String> v : f.values().entrySet()) {
                fields.put(v.getKey().key(), v.getValue());
            }
            fields.putAll(f.extras());
            Optional<PollutantCode> code = CODES.lookup(f.code());
            factors.add(new FactorFields(f.code(), code.map(PollutantCode::nameZh).filter(s -> !s.isEmpty()).orElse(null),
                    code.map(PollutantCode::unit).filter(s -> !s.isEmpty()).orElse(null), fields));
        }
        return new ParsedFrame(header, p.version(), p.cp().params(), factors, null);
    }

    private static ParsedFrame failed(String why) {
        return new ParsedFrame(Map.of(), null, Map.of(), List.of(), why);
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
