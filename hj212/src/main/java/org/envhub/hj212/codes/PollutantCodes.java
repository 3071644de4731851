package org.envhub.hj212.codes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 2005 ↔ 2017 pollutant code table, from the resource {@code pollutant-codes.csv}, with look-up both
 * ways. Immutable once loaded.
 */
public final class PollutantCodes {

    public static final String RESOURCE = "pollutant-codes.csv";

    private static volatile PollutantCodes standard;

    private final List<PollutantCode> all;
    private final Map<String, PollutantCode> by2017;
    private final Map<String, PollutantCode> by2005;

    private PollutantCodes(List<PollutantCode> rows) {
        Map<String, PollutantCode> a = new HashMap<>();
        Map<String, PollutantCode> b = new HashMap<>();
        for (PollutantCode c : rows) {
            if (!c.code2017().isEmpty() && a.putIfAbsent(c.code2017(), c) != null) {
                throw new IllegalArgumentException("2017 code twice in the table: " + c.code2017());
            }
            if (!c.code2005().isEmpty() && b.putIfAbsent(c.code2005(), c) != null) {
                throw new IllegalArgumentException("2005 code twice in the table: " + c.code2005());
            }
        }
        this.all = List.copyOf(rows);
        this.by2017 = Map.copyOf(a);
        this.by2005 = Map.copyOf(b);
    }

    /** The table shipped with envhub. */
    public static PollutantCodes standard() {
        PollutantCodes s = standard;
        if (s == null) {
            synchronized (PollutantCodes.class) {
                s = standard;
                if (s == null) {
                    try (InputStream in = PollutantCodes.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + RESOURCE);
                        }
                        s = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    standard = s;
                }
            }
        }
        return s;
    }

    /** Reads a table in the CSV layout of the shipped one ({@code #} lines are comments). */
    public static PollutantCodes read(InputStream in) throws IOException {
        List<PollutantCode> rows = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", 9);
            if (f.length != 9) {
                throw new IOException("line " + n + ": 9 columns expected: " + line);
            }
            rows.add(new PollutantCode(f[0].trim(), f[1].trim(), f[2].trim(), f[3].trim(), f[4].trim(), f[5].trim(),
                    f[6].trim(), f[7].trim(), f[8].trim()));
        }
        return new PollutantCodes(rows);
    }

    public List<PollutantCode> all() {
        return Collections.unmodifiableList(all);
    }

    public Optional<PollutantCode> by2017(String code) {
        return Optional.ofNullable(by2017.get(code));
    }

    public Optional<PollutantCode> by2005(String code) {
        return Optional.ofNullable(by2005.get(code));
    }

    /** A code of either standard (2017 codes and 2005 codes do not collide). */
    public Optional<PollutantCode> lookup(String code) {
        PollutantCode c = by2017.get(code);
        return Optional.ofNullable(c != null ? c : by2005.get(code));
    }

    /** The 2017 code for a 2005 code, if both exist. */
    public Optional<String> to2017(String code2005) {
        return by2005(code2005).map(PollutantCode::code2017).filter(s -> !s.isEmpty());
    }

    /** The 2005 code for a 2017 code, if both exist. */
    public Optional<String> to2005(String code2017) {
        return by2017(code2017).map(PollutantCode::code2005).filter(s -> !s.isEmpty());
    }
}
